package com.lotastro.jobs;

import com.lotastro.email.EmailDeliveryService;
import com.lotastro.invoice.InvoiceOverdueService;
import com.lotastro.reconciliation.Reconciler;
import com.lotastro.reservation.HoldExpiryService;
import com.lotastro.shared.idempotency.IdempotencyStore;
import com.lotastro.supply.EtaReminderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Every job the API runs. A new job is one entry here (and its schedule in {@link JobsConfig}); {@link ScheduledJobs} schedules it. */
@ApplicationScoped
public class JobCatalog {
    public static final String ETA_REMINDERS = "eta-reminders";
    public static final String EMAIL_DELIVERY = "email-delivery";
    public static final String IDEMPOTENCY_KEY_CLEANUP = "idempotency-key-cleanup";
    public static final String HOLD_EXPIRY = "hold-expiry";
    public static final String RECONCILER = "reconciler";
    public static final String INVOICE_OVERDUE = "invoice-overdue";

    @Inject
    EtaReminderService etaReminders;

    @Inject
    EmailDeliveryService emailDelivery;

    @Inject
    IdempotencyStore idempotencyKeys;

    @Inject
    HoldExpiryService holdExpiry;

    @Inject
    Reconciler reconciler;

    @Inject
    InvoiceOverdueService invoiceOverdue;

    @Inject
    JobsConfig config;

    public List<JobDefinition> all() {
        return List.of(
                new JobDefinition(ETA_REMINDERS,
                        "Emails ops and the sales owner when a supply request's ETA is near or past, once per ETA.",
                        config.etaReminders().cron(), etaReminders::sendDueReminders),
                new JobDefinition(EMAIL_DELIVERY,
                        "Sends queued internal emails over SMTP, retrying failures with backoff.",
                        config.emailDelivery().cron(), emailDelivery::deliverDue),
                new JobDefinition(IDEMPOTENCY_KEY_CLEANUP,
                        "Forgets Idempotency-Key records older than their 24-hour retention.",
                        config.idempotencyKeyCleanup().cron(), idempotencyKeys::purgeExpired),
                new JobDefinition(HOLD_EXPIRY,
                        "Releases unallocated reservations whose hold_until has passed (reason hold_expired).",
                        config.holdExpiry().cron(), holdExpiry::releaseExpiredHolds),
                new JobDefinition(RECONCILER,
                        "Reconciles stock, deliveries and the CRM customer cache; writes a sync run (GET /v1/integration/sync-runs).",
                        config.reconciler().cron(), reconciler::reconcileOnSchedule),
                new JobDefinition(INVOICE_OVERDUE,
                        "Marks invoices newly past due with a balance, emits invoice.overdue and emails accounting, once per invoice.",
                        config.invoiceOverdue().cron(), invoiceOverdue::markNewlyOverdue));
    }

    public Optional<JobDefinition> find(String name) {
        return all().stream().filter(job -> job.name().equals(name)).findFirst();
    }
}
