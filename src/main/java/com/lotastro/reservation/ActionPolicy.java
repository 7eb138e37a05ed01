package com.lotastro.reservation;

import com.lotastro.reservation.ReservationEnums.ActionReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;

/** What a reservation needs next, from its allocation state and ship intent. */
@ApplicationScoped
public class ActionPolicy {
    @Inject
    ReservationEvents events;

    /** A shortage block stays until a decision lifts it; an unallocated reservation only keeps waiting for a plan. */
    void recompute(Reservation reservation) {
        if (reservation.actionRequiredReason == ActionReason.NEEDS_SHORTAGE_DECISION) {
            return;
        }
        reservation.actionRequiredReason = switch (reservation.allocationState) {
            case ALLOCATED -> switch (reservation.shipIntent) {
                case IMMEDIATE -> ActionReason.NEEDS_SHIPMENT_APPROVAL;
                case SHIP_ON_DATE -> reservation.shipDate == null ? ActionReason.NEEDS_SHIP_DATE : null;
                case UNKNOWN -> null;
            };
            case PLANNED, PARTIALLY_ALLOCATED -> ActionReason.NEEDS_ROLL_ENTRY;
            case UNALLOCATED -> reservation.actionRequiredReason == ActionReason.NEEDS_ALLOCATION_PLAN
                    ? ActionReason.NEEDS_ALLOCATION_PLAN : null;
        };
    }

    /** Emits reservation.action_required when the reason differs from the audit state taken before the change. */
    void announceIfChanged(Reservation reservation, Map<String, Object> before) {
        String now = reservation.actionRequiredReason == null ? null : reservation.actionRequiredReason.value();
        if (!Objects.equals(before.get("action_required_reason"), now)) {
            events.actionRequiredChanged(reservation);
        }
    }
}
