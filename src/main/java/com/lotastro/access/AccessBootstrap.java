package com.lotastro.access;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/** First start: makes sure there is an organization and tells the operator how to get an API key. */
@ApplicationScoped
public class AccessBootstrap {
    private static final Logger LOG = Logger.getLogger(AccessBootstrap.class);
    private static final int MIN_PRESET_LENGTH = 16;

    @ConfigMapping(prefix = "lotastro.bootstrap")
    public interface BootstrapConfig {
        /** Name of the organization created when the database has none. */
        @WithDefault("LotAstro")
        String organizationName();

        /** When set (LOTASTRO_BOOTSTRAP_API_KEY), becomes the first admin key instead of a generated one. */
        Optional<String> apiKey();
    }

    @Inject
    BootstrapConfig config;

    @Inject
    OrganizationService organizations;

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        Optional<String> preset = config.apiKey().filter(k -> !k.isBlank());
        if (preset.isPresent() && preset.get().length() < MIN_PRESET_LENGTH) {
            throw new IllegalStateException("LOTASTRO_BOOTSTRAP_API_KEY must be at least " + MIN_PRESET_LENGTH + " characters");
        }
        Optional<OrganizationService.CreatedOrganization> created = organizations.bootstrapIfEmpty(config.organizationName(), preset);
        if (created.isPresent() && preset.isEmpty()) {
            LOG.infof("First start: created organization '%s' with admin API key (shown once, store it now): %s",
                    created.get().organization().name, created.get().adminKey().plainKey());
        } else if (created.isPresent()) {
            LOG.infof("First start: created organization '%s'; its admin API key is LOTASTRO_BOOTSTRAP_API_KEY",
                    created.get().organization().name);
        } else if (preset.isPresent() && organizations.isActiveKey(preset.get())) {
            LOG.info("LOTASTRO_BOOTSTRAP_API_KEY is an active admin key");
        } else {
            LOG.info("API keys: use the admin key printed at first start (or set LOTASTRO_BOOTSTRAP_API_KEY on an empty database)");
        }
    }
}
