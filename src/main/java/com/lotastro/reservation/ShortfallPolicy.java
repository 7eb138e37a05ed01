package com.lotastro.reservation;

import com.lotastro.audit.AuditLog;
import com.lotastro.catalog.CatalogItem;
import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import com.lotastro.shared.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What happens to promises when stock is lost. Physical loss stays recordable, but never silently: the newest
 * promises of the item that the remaining stock no longer backs are marked unbacked and blocked for a shortage
 * decision, or, unless the caller acknowledged that, the loss is refused naming them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ShortfallPolicy {
    @Inject
    Reservations reservations;

    @Inject
    StockLocks locks;

    @Inject
    Promises promises;

    @Inject
    ReservationEvents events;

    @Inject
    ActionPolicy actions;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    /** Called under the item lock, after the loss was posted. */
    void absorb(CatalogItem item, Promises.Position position, boolean acknowledged, String reason) {
        if (position.available().signum() >= 0) {
            return;
        }
        BigDecimal shortfall = position.available().negate();
        if (acknowledged) {
            caller.require(Scope.APPROVALS_WRITE);
        }
        List<Reservation> newestFirst = reservations.activeWithItemNewestFirst(item.organizationId, item.id);
        locks.reservations(newestFirst);
        Map<Reservation, Map<String, Object>> before = new LinkedHashMap<>();
        List<Map<String, Object>> broken = new ArrayList<>();
        Set<Reservation> flagged = new LinkedHashSet<>();
        for (Reservation reservation : newestFirst) {
            for (ReservationLine line : reservation.linesNewestFirst()) {
                if (!line.catalogItem.id.equals(item.id) || position.available().signum() >= 0) {
                    continue;
                }
                BigDecimal take = position.available().negate().min(line.backedOutstanding());
                if (take.signum() <= 0) {
                    continue;
                }
                before.putIfAbsent(reservation, reservation.describe());
                line.markUnbacked(take);
                flagged.add(reservation);
                position = promises.position(item.id);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("reservation_id", reservation.id);
                entry.put("crm_deal_id", reservation.crmDealId);
                entry.put("reservation_line_id", line.id);
                entry.put("unbacked_meters", take);
                broken.add(entry);
            }
        }
        if (!acknowledged || position.available().signum() < 0) {
            throw new ApiException(ErrorCode.PROMISES_UNBACKED, "This loss would leave " + shortfall
                    + " m of promises without stock" + (acknowledged ? "" : "; acknowledge it (acknowledge_shortage, with "
                    + Scope.APPROVALS_WRITE.value() + ") to record it and flag those promises for a shortage decision"),
                    List.of(), Map.of("promises", broken));
        }
        for (Reservation reservation : flagged) {
            reservation.actionRequiredReason = ActionReason.NEEDS_SHORTAGE_DECISION;
            reservation.updatedAt = Timestamps.now();
        }
        reservations.flush();
        for (Reservation reservation : flagged) {
            audit.record(new AuditLog.Change("reservation.promise_unbacked", "reservation", reservation.id,
                    before.get(reservation), reservation.describe(), reason));
            events.promiseUnbacked(reservation, item.id, reason);
            actions.announceIfChanged(reservation, before.get(reservation));
        }
    }
}
