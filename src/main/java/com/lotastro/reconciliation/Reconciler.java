package com.lotastro.reconciliation;

import com.lotastro.crm.IntegrationFlagService;
import com.lotastro.crm.IntegrationFlags;
import com.lotastro.customer.CrmCustomer;
import com.lotastro.customer.CustomerCacheService;
import com.lotastro.inventory.ConsistencyService;
import com.lotastro.reservation.AllocationConsistency;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.jobs.JobSummary;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import com.lotastro.webhook.WebhookBacklog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The reconciler (seed Batch F, F-3): compares what must agree and writes a sync run. It heals only what is safe to
 * heal (stale CRM customer cache entries, refreshed through the CRM client with its timeout, retries and breaker);
 * stock drift (ledger against rolls, reserved meters against allocations, promises against on hand) and delivery
 * backlogs are reported with the exact figures, never "fixed" silently.
 */
@ApplicationScoped
public class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    static final String TYPE = "reconciliation";
    public static final String SCHEDULED = "scheduled";
    public static final String MANUAL = "manual";
    private static final int CACHE_BATCH = 200;

    @Inject
    SyncRuns runs;

    @Inject
    CallerContext caller;

    @Inject
    IntegrationFlagService flags;

    @Inject
    ConsistencyService consistency;

    @Inject
    AllocationConsistency allocations;

    @Inject
    WebhookBacklog backlog;

    @Inject
    CustomerCacheService customers;

    /** The scheduled job's entry point (every 6 h by default). */
    public JobSummary reconcileOnSchedule() {
        SyncRun run = run(SCHEDULED);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("checked", (long) run.checked);
        counts.put("synced", (long) run.synced);
        counts.put("failed", (long) run.failed);
        counts.put("discrepancies", (long) run.discrepancies.size());
        return SyncRun.FAILED.equals(run.status) ? JobSummary.failed(counts, "Reconciliation failed") : JobSummary.succeeded(counts);
    }

    /** Runs every check for the caller's organization outside any transaction; the run row is visible while it runs. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SyncRun run(String trigger) {
        UUID organizationId = caller.organizationId();
        UUID runId = QuarkusTransaction.requiringNew().call(() -> start(organizationId, trigger));
        Tally tally = new Tally();
        String status;
        IntegrationFlags switches = QuarkusTransaction.requiringNew().call(() -> flags.of(organizationId));
        if (!switches.reconciler) {
            status = SyncRun.SKIPPED;
        } else {
            try {
                checkStock(organizationId, tally);
                checkDelivery(organizationId, switches, tally);
                healCustomerCache(switches, tally);
                status = tally.discrepancies.stream().allMatch(d -> Boolean.TRUE.equals(d.get("healed")))
                        ? SyncRun.SUCCEEDED : SyncRun.DISCREPANCIES;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Reconciliation failed for organization %s", organizationId);
                tally.failed++;
                status = SyncRun.FAILED;
            }
        }
        String outcome = status;
        return QuarkusTransaction.requiringNew().call(() -> finish(runId, outcome, tally));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SyncRun get(UUID id) {
        return runs.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("sync run", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SyncRun> search(PageRequest page) {
        return runs.search(caller.organizationId(), page);
    }

    private void checkStock(UUID organizationId, Tally tally) {
        ConsistencyService.Report report = QuarkusTransaction.requiringNew().call(() -> consistency.check());
        tally.checked += (int) report.rollsChecked();
        for (ConsistencyService.Discrepancy d : report.discrepancies()) {
            if (d.rollMeters().compareTo(d.ledgerMeters()) != 0) {
                tally.add("ledger_vs_rolls", "roll", d.rollId(), d.ledgerMeters(), d.rollMeters(), false,
                        "Σ ledger meters of roll " + d.barcode() + " differ from the roll's meters");
            }
            if (d.rollReservedMeters().compareTo(d.ledgerReservedMeters()) != 0) {
                tally.add("ledger_vs_rolls", "roll", d.rollId(), d.ledgerReservedMeters(), d.rollReservedMeters(), false,
                        "Σ ledger reserved meters of roll " + d.barcode() + " differ from the roll's reserved meters");
            }
        }
        for (ConsistencyService.CommitmentDiscrepancy d : report.commitmentDiscrepancies()) {
            if (d.availableMeters().signum() < 0) {
                tally.add("promises_vs_on_hand", "catalog_item", d.catalogItemId(), BigDecimal.ZERO, d.availableMeters(), false,
                        "Promised and reserved meters exceed what is on hand");
            } else {
                tally.add("promises_vs_on_hand", "catalog_item", d.catalogItemId(), d.recorded().promised(), d.now().promised(), false,
                        "Live promises differ from their record");
            }
        }
        List<AllocationConsistency.Drift> drifts = QuarkusTransaction.requiringNew()
                .call(() -> allocations.rollsWhoseReservedMetersDifferFromAllocations(organizationId));
        for (AllocationConsistency.Drift d : drifts) {
            tally.add("reserved_vs_allocations", "roll", d.rollId(), d.allocatedMeters(), d.rollReservedMeters(), false,
                    "The roll's reserved meters differ from the meters its live allocations bind");
        }
    }

    private void checkDelivery(UUID organizationId, IntegrationFlags switches, Tally tally) {
        Instant now = Timestamps.now();
        QuarkusTransaction.requiringNew().run(() -> {
            tally.checked += (int) backlog.deliveriesChecked(organizationId);
            for (WebhookBacklog.Stuck stuck : backlog.eventsNotFannedOut(organizationId, now)) {
                tally.add(stuck.kind(), "outbox_event", stuck.id(), null, null, false,
                        stuck.type() + " recorded at " + stuck.since() + " was never queued for delivery");
            }
            if (switches.outboundDelivery) {
                for (WebhookBacklog.Stuck stuck : backlog.stuckDeliveries(organizationId, now)) {
                    tally.add(stuck.kind(), "webhook_delivery", stuck.id(), null, null, false,
                            stuck.type() + " due since " + stuck.since() + " has not been attempted");
                }
            }
        });
    }

    private void healCustomerCache(IntegrationFlags switches, Tally tally) {
        List<CrmCustomer> stale = QuarkusTransaction.requiringNew()
                .call(() -> customers.search(null, true, new PageRequest(CACHE_BATCH, null)).items());
        tally.checked += stale.size();
        for (CrmCustomer customer : stale) {
            if (!switches.crmLookups) {
                tally.add("customer_cache_stale", "crm_customer", customer.crmCustomerId, null, null, false,
                        "Stale since " + customer.staleAt + "; CRM look-ups are switched off");
                continue;
            }
            try {
                customers.refresh(customer.crmCustomerId);
                tally.synced++;
                tally.add("customer_cache_stale", "crm_customer", customer.crmCustomerId, null, null, true,
                        "Stale since " + customer.staleAt + "; refreshed from the CRM");
            } catch (ApiException e) {
                tally.failed++;
                tally.add("customer_cache_stale", "crm_customer", customer.crmCustomerId, null, null, false,
                        "Stale since " + customer.staleAt + "; refresh failed: " + e.getMessage());
            }
        }
    }

    private UUID start(UUID organizationId, String trigger) {
        SyncRun run = new SyncRun();
        run.id = UUID.randomUUID();
        run.organizationId = organizationId;
        run.type = TYPE;
        run.trigger = trigger;
        run.status = SyncRun.RUNNING;
        run.discrepancies = List.of();
        run.createdAt = Timestamps.now();
        runs.persist(run);
        return run.id;
    }

    private SyncRun finish(UUID runId, String status, Tally tally) {
        SyncRun run = runs.findById(runId);
        run.status = status;
        run.checked = tally.checked;
        run.synced = tally.synced;
        run.failed = tally.failed;
        run.discrepancies = tally.discrepancies;
        run.finishedAt = Timestamps.now();
        return run;
    }

    /** What a run found so far. */
    private static final class Tally {
        int checked;
        int synced;
        int failed;
        final List<Map<String, Object>> discrepancies = new ArrayList<>();

        void add(String check, String entityType, UUID entityId, BigDecimal expected, BigDecimal actual, boolean healed, String detail) {
            Map<String, Object> found = new LinkedHashMap<>();
            found.put("check", check);
            found.put("entity_type", entityType);
            found.put("entity_id", entityId == null ? null : entityId.toString());
            found.put("expected", expected == null ? null : expected.toPlainString());
            found.put("actual", actual == null ? null : actual.toPlainString());
            found.put("healed", healed);
            found.put("detail", detail);
            discrepancies.add(found);
        }
    }
}
