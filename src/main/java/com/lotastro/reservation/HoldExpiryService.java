package com.lotastro.reservation;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.jobs.JobSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Releases unallocated reservations whose hold has passed (reason hold_expired), each in a transaction of its
 * own, so one that fails does not keep the others held.
 */
@ApplicationScoped
public class HoldExpiryService {
    private static final Logger LOG = Logger.getLogger(HoldExpiryService.class);
    static final String REASON = "hold_expired";

    @Inject
    ReservationService reservations;

    public JobSummary releaseExpiredHolds() {
        java.time.Instant now = Timestamps.now();
        List<UUID> expired = reservations.expiredHolds(now);
        long released = 0;
        long failed = 0;
        String lastError = null;
        for (UUID id : expired) {
            try {
                if (reservations.releaseExpiredHold(id, now)) {
                    released++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not release expired hold of reservation %s", id);
                failed++;
                lastError = e.getMessage();
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("expired", (long) expired.size());
        counts.put("released", released);
        return failed == 0 ? JobSummary.succeeded(counts)
                : JobSummary.failed(counts, failed + " reservation(s) could not be released: " + lastError);
    }
}
