package com.lotastro.email;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Queues internal emails in the caller's transaction: an SMTP outage can never roll back or block the business
 * change, and nothing is lost, because the email only leaves once the change has committed.
 */
@ApplicationScoped
public class EmailOutbox {
    private static final Logger LOG = Logger.getLogger(EmailOutbox.class);

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    @Inject
    EmailConfig config;

    /** An email to queue; a dedup key, when given, makes a second email with the same key a no-op. */
    public record Draft(String kind, Collection<String> recipients, String subject, String body, String dedupKey) {
    }

    public List<String> ops() {
        return config.ops().orElse(List.of());
    }

    public List<String> salesManagers() {
        return config.salesManagers().orElse(List.of());
    }

    /**
     * Queues one message per recipient, so each is delivered, retried and failed on its own (one bad address never
     * holds up or duplicates the others). Returns true when anything was queued, false when there was no recipient
     * or the dedup key was used before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(Draft draft) {
        Set<String> recipients = new LinkedHashSet<>();
        draft.recipients().stream().filter(Objects::nonNull).map(String::trim).filter(r -> !r.isEmpty()).forEach(recipients::add);
        if (recipients.isEmpty()) {
            LOG.warnf("Email '%s' has no recipient; configure lotastro.email.* (subject: %s)", draft.kind(), draft.subject());
            return false;
        }
        Instant now = Timestamps.now();
        int queued = 0;
        for (String recipient : recipients) {
            queued += em.createNativeQuery("""
                            insert into email_messages (id, organization_id, kind, recipients, subject, body, dedup_key, status,
                                                        attempts, next_attempt_at, created_at)
                            values (:id, :org, :kind, :recipient, :subject, :body, :dedup, 'pending', 0, :now, :now)
                            on conflict (organization_id, dedup_key) do nothing""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("org", caller.organizationId())
                    .setParameter("kind", draft.kind())
                    .setParameter("recipient", recipient)
                    .setParameter("subject", draft.subject())
                    .setParameter("body", draft.body())
                    .setParameter("dedup", draft.dedupKey() == null ? null : draft.dedupKey() + "|" + recipient)
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return queued > 0;
    }
}
