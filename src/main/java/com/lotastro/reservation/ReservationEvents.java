package com.lotastro.reservation;

import com.lotastro.email.EmailOutbox;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.reservation.ReservationEnums.ActionReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reservation events for the CRM and the emails that go with them. */
@ApplicationScoped
public class ReservationEvents {
    @Inject
    OutboxPublisher outbox;

    @Inject
    EmailOutbox emails;

    void created(Reservation reservation) {
        Map<String, Object> payload = header(reservation);
        payload.put("lines", reservation.lines.stream().map(line -> {
            Map<String, Object> entry = lineHeader(line);
            entry.put("meters", line.meters);
            return entry;
        }).toList());
        publish("reservation.created", reservation, "created", payload);
    }

    void released(Reservation reservation) {
        Map<String, Object> payload = header(reservation);
        payload.put("reason", reservation.releaseReason);
        publish("reservation.released", reservation, "released", payload);
    }

    void allocationPlanned(Reservation reservation, UUID supplyRequestId) {
        Map<String, Object> payload = header(reservation);
        payload.put("supply_request_id", supplyRequestId);
        payload.put("lines", reservation.lines.stream().filter(line -> line.plannedMeters.signum() > 0).map(line -> {
            Map<String, Object> entry = lineHeader(line);
            entry.put("planned_meters", line.plannedMeters);
            return entry;
        }).toList());
        publish("reservation.allocation_planned", reservation, "allocation_planned." + supplyRequestId, payload);
    }

    void allocated(Reservation reservation) {
        Map<String, Object> payload = header(reservation);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ReservationLine line : reservation.lines) {
            for (RollAllocation allocation : line.activeAllocations()) {
                Map<String, Object> entry = lineHeader(line);
                entry.put("allocated_meters", allocation.meters);
                entry.put("lot_id", allocation.roll.lot.id);
                entry.put("roll_id", allocation.roll.id);
                lines.add(entry);
            }
        }
        payload.put("lines", lines);
        publish("reservation.allocated", reservation, "allocated.v" + reservation.version, payload);
    }

    /** Announces a change of action_required; the approval-needed email goes with needs_shipment_approval. */
    void actionRequiredChanged(Reservation reservation) {
        Map<String, Object> payload = header(reservation);
        payload.put("action_required", reservation.actionRequired());
        payload.put("action_required_reason", reservation.actionRequiredReason == null ? null : reservation.actionRequiredReason.value());
        publish("reservation.action_required", reservation, "action_required.v" + reservation.version, payload);
        if (reservation.actionRequiredReason == ActionReason.NEEDS_SHIPMENT_APPROVAL) {
            List<String> recipients = new ArrayList<>(emails.salesManagers());
            if (reservation.salesOwnerEmail != null) {
                recipients.add(0, reservation.salesOwnerEmail);
            }
            emails.enqueue(new EmailOutbox.Draft("reservation.approval_needed", recipients,
                    "[LotAstro] Approval needed: reservation for CRM deal " + reservation.crmDealId + " is allocated",
                    "Every line of this reservation is bound to rolls and it is meant to ship immediately.\n"
                            + "Approve the shipment in the CRM (or record a manager override).\n\n"
                            + "Reservation: " + reservation.id + "\n"
                            + "CRM deal: " + reservation.crmDealId + "\n"
                            + "CRM customer: " + reservation.crmCustomerId + "\n"
                            + linesText(reservation),
                    "approval-needed:" + reservation.id + ":v" + reservation.version));
        }
    }

    /** A recorded loss left some of the reservation's promised meters without stock; a decision is needed. */
    void promiseUnbacked(Reservation reservation, UUID catalogItemId, String reason) {
        Map<String, Object> payload = header(reservation);
        payload.put("catalog_item_id", catalogItemId);
        payload.put("reason", reason);
        payload.put("lines", reservation.lines.stream().filter(line -> line.unbackedMeters.signum() > 0).map(line -> {
            Map<String, Object> entry = lineHeader(line);
            entry.put("unbacked_meters", line.unbackedMeters);
            return entry;
        }).toList());
        publish("reservation.promise_unbacked", reservation, "promise_unbacked.v" + reservation.version, payload);
    }

    void shortageDecided(ShortageDecision decision, List<Reservation> reservations) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shortage_decision_id", decision.id);
        payload.put("supply_request_id", decision.supplyRequestId);
        payload.put("decision", decision.decision.value());
        payload.put("notes", decision.notes);
        payload.put("expected_date", decision.expectedDate == null ? null : decision.expectedDate.toString());
        payload.put("reservations", reservations.stream().map(this::header).toList());
        outbox.publish(new OutboxPublisher.Event("shortage.decision_recorded", "shortage_decision", decision.id, "recorded", payload));
        emails.enqueue(new EmailOutbox.Draft("shortage.decision_recorded", emails.salesManagers(),
                "[LotAstro] Shortage decision: " + decision.decision.value() + " for supply request " + decision.supplyRequestId,
                "A shortage decision was recorded.\n\nDecision: " + decision.decision.value() + "\n"
                        + "Supply request: " + decision.supplyRequestId + "\n"
                        + "Reservations: " + String.join(", ", decision.reservationIds) + "\n"
                        + (decision.expectedDate == null ? "" : "Expected date: " + decision.expectedDate + "\n")
                        + (decision.notes == null ? "" : "Notes: " + decision.notes + "\n")
                        + "Decided by: " + (decision.actor == null ? "-" : decision.actor) + "\n",
                null));
    }

    private void publish(String type, Reservation reservation, String action, Map<String, Object> payload) {
        outbox.publish(new OutboxPublisher.Event(type, "reservation", reservation.id, action, payload));
    }

    private Map<String, Object> header(Reservation reservation) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reservation_id", reservation.id);
        payload.put("crm_deal_id", reservation.crmDealId);
        payload.put("crm_customer_id", reservation.crmCustomerId);
        payload.put("status", reservation.status.value());
        payload.put("allocation_state", reservation.allocationState.value());
        payload.put("ship_intent", reservation.shipIntent.value());
        payload.put("ship_date", reservation.shipDate == null ? null : reservation.shipDate.toString());
        return payload;
    }

    private static Map<String, Object> lineHeader(ReservationLine line) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("crm_deal_line_id", line.crmDealLineId);
        entry.put("wms_reservation_line_id", line.id);
        entry.put("quality_code", line.catalogItem.qualityCode);
        entry.put("color_code", line.catalogItem.colorCode);
        return entry;
    }

    private static String linesText(Reservation reservation) {
        StringBuilder text = new StringBuilder();
        for (ReservationLine line : reservation.lines) {
            text.append("- ").append(line.catalogItem.qualityCode).append(" / ").append(line.catalogItem.colorCode)
                    .append(": ").append(line.allocatedMeters).append(" m\n");
        }
        return text.toString();
    }
}
