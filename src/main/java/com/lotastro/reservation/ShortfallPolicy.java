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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Called under the item lock, before the loss is posted and before the roll is locked. Flags on-hand promises
     * first (newest first), then claims on received supply, each only as far as flagging it gives stock back.
     */
    void absorb(CatalogItem item, BigDecimal lost, boolean acknowledged, String reason) {
        Promises.Position position = promises.position(item.id);
        // Only what promises and earmarks hold can be left unbacked; the roll itself was checked by the caller.
        BigDecimal shortfall = lost.subtract(position.available()).min(position.committed().total());
        if (shortfall.signum() <= 0) {
            return;
        }
        if (acknowledged) {
            caller.require(Scope.APPROVALS_WRITE);
        }
        List<Reservation> newestFirst = reservations.activeWithItemNewestFirst(item.organizationId, item.id);
        locks.reservations(newestFirst);
        Map<Reservation, Map<String, Object>> before = new LinkedHashMap<>();
        Map<ReservationLine, BigDecimal> taken = new LinkedHashMap<>();
        for (boolean onHandPass : new boolean[] {true, false}) {
            for (Reservation reservation : newestFirst) {
                for (ReservationLine line : reservation.linesNewestFirst()) {
                    if (shortfall.signum() <= 0 || !line.catalogItem.id.equals(item.id)) {
                        continue;
                    }
                    BigDecimal take = shortfall.min(onHandPass ? line.onHandShare() : line.supplyShare());
                    if (take.signum() <= 0) {
                        continue;
                    }
                    Map<String, Object> state = reservation.describe();
                    line.markUnbacked(take);
                    BigDecimal remaining = lost.subtract(promises.available(item.id)).max(BigDecimal.ZERO);
                    if (remaining.compareTo(shortfall) >= 0) {
                        // Supply not yet received holds nothing on hand: flagging it gives nothing back.
                        line.unbackedMeters = line.unbackedMeters.subtract(take);
                        continue;
                    }
                    before.putIfAbsent(reservation, state);
                    taken.merge(line, take, BigDecimal::add);
                    shortfall = remaining;
                }
            }
        }
        List<Map<String, Object>> broken = taken.entrySet().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reservation_id", e.getKey().reservation.id);
            entry.put("crm_deal_id", e.getKey().reservation.crmDealId);
            entry.put("reservation_line_id", e.getKey().id);
            entry.put("unbacked_meters", e.getValue());
            return entry;
        }).toList();
        if (!acknowledged || shortfall.signum() > 0) {
            BigDecimal unbacked = taken.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            throw new ApiException(ErrorCode.PROMISES_UNBACKED, "This loss would leave " + unbacked.max(shortfall)
                    + " m of promises without stock" + (acknowledged ? "" : "; acknowledge it (acknowledge_shortage, with "
                    + Scope.APPROVALS_WRITE.value() + ") to record it and flag those promises for a shortage decision"),
                    List.of(), Map.of("promises", broken));
        }
        for (Reservation reservation : before.keySet()) {
            reservation.actionRequiredReason = ActionReason.NEEDS_SHORTAGE_DECISION;
            reservation.updatedAt = Timestamps.now();
        }
        reservations.flush();
        for (Reservation reservation : before.keySet()) {
            audit.record(new AuditLog.Change("reservation.promise_unbacked", "reservation", reservation.id,
                    before.get(reservation), reservation.describe(), reason));
            events.promiseUnbacked(reservation, item.id, reason);
            actions.announceIfChanged(reservation, before.get(reservation));
        }
    }
}
