package com.lotastro.webhook;

import com.lotastro.access.OrganizationBootstrapped;
import com.lotastro.audit.AuditLog;
import com.lotastro.crm.WebhookSignatures;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.IfMatch;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Subscribers: created with a secret shown once, edited with If-Match, rotated with an overlap, deleted. */
@ApplicationScoped
@Transactional
public class WebhookEndpointService {
    private static final Logger LOG = Logger.getLogger(WebhookEndpointService.class);

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    UrlGuard guard;

    @Inject
    WebhookConfig config;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    public record NewEndpoint(String url, String description, List<String> eventTypes, Boolean enabled) {
    }

    public record Changes(String url, String description, List<String> eventTypes, Boolean allEventTypes, Boolean enabled) {
    }

    /** An endpoint and, right after creation or rotation, its secret (shown once). */
    public record Shown(WebhookEndpoint endpoint, String secret) {
    }

    public Shown create(NewEndpoint request) {
        return createIn(caller.organizationId(), request, null);
    }

    private Shown createIn(UUID organizationId, NewEndpoint request, String givenSecret) {
        checkUrl(request.url());
        Instant now = Timestamps.now();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.organizationId = organizationId;
        endpoint.url = request.url();
        endpoint.description = request.description();
        endpoint.eventTypes = request.eventTypes() == null || request.eventTypes().isEmpty() ? null : distinct(request.eventTypes());
        endpoint.enabled = request.enabled() == null || request.enabled();
        endpoint.secret = givenSecret != null ? givenSecret : WebhookSignatures.newSecret();
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        endpoints.persist(endpoint);
        endpoints.flush();
        audit.recordIn(organizationId, new AuditLog.Change("webhook_endpoint.created", "webhook_endpoint", endpoint.id, null,
                describe(endpoint), null));
        outbox.publishIn(organizationId, new OutboxPublisher.Event("webhook_endpoint.created", "webhook_endpoint", endpoint.id,
                "created", describe(endpoint)));
        return new Shown(endpoint, endpoint.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookEndpoint get(UUID id) {
        return endpoints.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("webhook endpoint", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookEndpoint> search(Boolean enabled, PageRequest page) {
        return endpoints.search(caller.organizationId(), enabled, page);
    }

    public WebhookEndpoint update(UUID id, String ifMatch, Changes changes) {
        long expected = IfMatch.expectedVersion(ifMatch);
        WebhookEndpoint endpoint = lock(id);
        IfMatch.requireCurrent(expected, endpoint.version, "webhook endpoint");
        Map<String, Object> before = describe(endpoint);
        if (changes.url() != null) {
            checkUrl(changes.url());
            endpoint.url = changes.url();
        }
        if (changes.description() != null) {
            endpoint.description = changes.description();
        }
        boolean typesGiven = changes.eventTypes() != null && !changes.eventTypes().isEmpty();
        if (Boolean.TRUE.equals(changes.allEventTypes())) {
            if (typesGiven) {
                throw ApiException.invalid("event_types", "must be left out when all_event_types is true");
            }
            endpoint.eventTypes = null;
        } else if (typesGiven) {
            endpoint.eventTypes = distinct(changes.eventTypes());
        }
        if (Boolean.TRUE.equals(changes.enabled()) && !endpoint.enabled) {
            endpoint.enable();
        } else if (Boolean.FALSE.equals(changes.enabled()) && endpoint.enabled) {
            endpoint.disable("Disabled by " + (caller.actor() == null ? "an admin" : caller.actor()));
        }
        if (before.equals(describe(endpoint))) {
            return endpoint;
        }
        endpoint.updatedAt = Timestamps.now();
        endpoints.flush();
        changed(endpoint, "webhook_endpoint.updated", before, "updated.v" + endpoint.version);
        return endpoint;
    }

    public void delete(UUID id) {
        WebhookEndpoint endpoint = lock(id);
        Map<String, Object> before = describe(endpoint);
        endpoint.deleted = true;
        endpoint.enabled = false;
        endpoint.updatedAt = Timestamps.now();
        endpoints.flush();
        changed(endpoint, "webhook_endpoint.deleted", before, "deleted");
    }

    public Shown rotateSecret(UUID id) {
        WebhookEndpoint endpoint = lock(id);
        Map<String, Object> before = describe(endpoint);
        String next = WebhookSignatures.newSecret();
        Instant now = Timestamps.now();
        endpoint.rotateSecret(next, now, config.secretRotationOverlap());
        endpoint.updatedAt = now;
        endpoints.flush();
        changed(endpoint, "webhook_endpoint.secret_rotated", before, "secret_rotated.v" + endpoint.version);
        return new Shown(endpoint, next);
    }

    /** A fresh install talks to its CRM at once: LOTASTRO_WEBHOOKS_CRM_URL subscribes the CRM to every event. */
    @Transactional(Transactional.TxType.MANDATORY)
    void seedCrmEndpoint(@Observes OrganizationBootstrapped event) {
        if (config.crmUrl().isEmpty()) {
            return;
        }
        String secret = config.crmSecret().orElse(null);
        if (secret != null && !WebhookSignatures.isWellFormed(secret)) {
            throw new IllegalStateException("LOTASTRO_WEBHOOKS_CRM_SECRET must be whsec_ followed by at least 16 bytes in base64");
        }
        Shown created = createIn(event.organizationId(), new NewEndpoint(config.crmUrl().get(), "CRM", null, true), secret);
        if (secret == null) {
            LOG.infof("CRM webhook endpoint %s created for %s; its signing secret (shown once): %s",
                    created.endpoint().id, created.endpoint().url, created.secret());
        }
    }

    private WebhookEndpoint lock(UUID id) {
        return endpoints.lockInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("webhook endpoint", id));
    }

    private void checkUrl(String url) {
        guard.refusal(url).ifPresent(reason -> {
            throw new ApiException(ErrorCode.WEBHOOK_URL_REFUSED, "url " + reason);
        });
    }

    private void changed(WebhookEndpoint endpoint, String action, Map<String, Object> before, String occurrence) {
        audit.record(new AuditLog.Change(action, "webhook_endpoint", endpoint.id, before, describe(endpoint), null));
        outbox.publish(new OutboxPublisher.Event(action, "webhook_endpoint", endpoint.id, occurrence, describe(endpoint)));
    }

    private static List<String> distinct(List<String> types) {
        if (types == null) {
            return null;
        }
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null) {
                throw ApiException.invalid("event_types[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(new LinkedHashSet<>(types));
    }

    /** What the audit log and the outbox keep: never a secret. */
    static Map<String, Object> describe(WebhookEndpoint endpoint) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("url", endpoint.url);
        state.put("description", endpoint.description);
        state.put("event_types", endpoint.eventTypes);
        state.put("enabled", endpoint.enabled);
        state.put("disabled_reason", endpoint.disabledReason);
        state.put("deleted", endpoint.deleted);
        state.put("secret_rotated_until", endpoint.previousSecretValidUntil == null ? null : endpoint.previousSecretValidUntil.toString());
        return state;
    }
}
