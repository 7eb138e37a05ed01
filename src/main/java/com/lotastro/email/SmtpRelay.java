package com.lotastro.email;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Whether an SMTP relay is configured ({@code quarkus.mailer.host}, e.g. {@code QUARKUS_MAILER_HOST}). Without one,
 * emails stay queued (readable at {@code GET /v1/emails}) and the scheduled delivery does not run, instead of failing
 * every minute against a relay that is not there; they go out once a relay is configured.
 */
@Singleton
public class SmtpRelay implements Scheduled.SkipPredicate {
    private static final Logger LOG = Logger.getLogger(SmtpRelay.class);
    static final String HOST = "quarkus.mailer.host";
    /** Defaults of Quarkus and its extensions live in sources below this ordinal; anything an operator sets is above. */
    private static final int DEFAULTS_ORDINAL = 0;

    public boolean configured() {
        ConfigValue host = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigValue(HOST);
        return host.getValue() != null && !host.getValue().isBlank() && host.getSourceOrdinal() > DEFAULTS_ORDINAL;
    }

    /** The scheduled delivery skips its fire while there is no relay. */
    @Override
    public boolean test(ScheduledExecution execution) {
        return !configured();
    }

    void onStart(@Observes StartupEvent event) {
        if (configured()) {
            ConfigValue host = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigValue(HOST);
            LOG.infof("Emails are sent through the SMTP relay %s", host.getValue());
        } else {
            LOG.info("No SMTP relay configured (QUARKUS_MAILER_HOST): emails wait in the queue, readable at GET /v1/emails, "
                    + "and are sent once a relay is configured");
        }
    }
}
