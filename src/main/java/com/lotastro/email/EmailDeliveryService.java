package com.lotastro.email;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.jobs.JobSummary;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends queued emails over SMTP. Each email is claimed with FOR UPDATE SKIP LOCKED in a transaction of its own, so
 * several instances can deliver side by side, and one bad email never holds up the others.
 */
@ApplicationScoped
public class EmailDeliveryService {
    enum Result { SENT, RETRY, FAILED, NOTHING_DUE }

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    EmailConfig config;

    @Inject
    CallerContext caller;

    @Inject
    SmtpRelay relay;

    @Inject
    EmailMessages messages;

    /**
     * Sends what is due for the caller's organization; the run fails when any send failed. Without an SMTP relay
     * nothing is tried: the emails wait, and the run says how many.
     */
    public JobSummary deliverDue() {
        UUID organizationId = caller.organizationId();
        if (!relay.configured()) {
            long waiting = QuarkusTransaction.requiringNew().call(() -> messages.countDue(organizationId, Timestamps.now()));
            Map<String, Long> summary = new LinkedHashMap<>();
            summary.put("sent", 0L);
            summary.put("waiting_for_smtp_relay", waiting);
            return JobSummary.succeeded(summary);
        }
        Map<Result, Long> counts = new LinkedHashMap<>();
        String[] lastError = new String[1];
        // Only what was due when the run started: an email that fails now waits for a later run, never this one.
        Instant runStart = Timestamps.now();
        for (int i = 0; i < config.batchSize(); i++) {
            Result result = QuarkusTransaction.requiringNew().call(() -> deliverNext(organizationId, runStart, lastError));
            if (result == Result.NOTHING_DUE) {
                break;
            }
            counts.merge(result, 1L, Long::sum);
        }
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("sent", counts.getOrDefault(Result.SENT, 0L));
        summary.put("retry_scheduled", counts.getOrDefault(Result.RETRY, 0L));
        summary.put("failed", counts.getOrDefault(Result.FAILED, 0L));
        long unsent = summary.get("retry_scheduled") + summary.get("failed");
        return unsent == 0 ? JobSummary.succeeded(summary)
                : JobSummary.failed(summary, unsent + " email(s) could not be sent: " + lastError[0]);
    }

    private Result deliverNext(UUID organizationId, Instant dueBy, String[] lastError) {
        Instant now = Timestamps.now();
        @SuppressWarnings("unchecked")
        List<EmailMessage> due = em.createNativeQuery("""
                        select * from email_messages
                        where organization_id = :org and status = 'pending' and next_attempt_at <= :dueBy
                        order by next_attempt_at, id limit 1 for update skip locked""", EmailMessage.class)
                .setParameter("org", organizationId)
                .setParameter("dueBy", dueBy)
                .getResultList();
        if (due.isEmpty()) {
            return Result.NOTHING_DUE;
        }
        EmailMessage message = due.get(0);
        try {
            mailer.send(new Mail()
                    .setTo(List.of(message.recipients))
                    .setSubject(message.subject)
                    .setText(message.body));
            message.status = EmailMessage.SENT;
            message.sentAt = Timestamps.now();
            message.lastError = null;
            return Result.SENT;
        } catch (RuntimeException e) {
            message.attempts++;
            message.lastError = describe(e);
            lastError[0] = message.lastError;
            if (message.attempts >= config.maxAttempts()) {
                message.status = EmailMessage.FAILED;
                return Result.FAILED;
            }
            message.nextAttemptAt = now.plus(backoff(message.attempts));
            return Result.RETRY;
        }
    }

    private Duration backoff(int attempts) {
        Duration delay = config.retryInitialDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(config.retryMaxDelay()) > 0 ? config.retryMaxDelay() : delay;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
