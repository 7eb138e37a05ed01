package com.lotastro.supply;

import com.lotastro.email.EmailOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The supply emails: what they say and who receives them. */
@ApplicationScoped
public class SupplyEmails {
    @Inject
    EmailOutbox outbox;

    void created(SupplyRequest request) {
        outbox.enqueue(new EmailOutbox.Draft("supply_request.created", outbox.ops(),
                subject("New supply request", request), body("A new supply request was created.", request), null));
    }

    /** Sent once per request and ETA value: the dedup key carries both. Returns whether it was queued now. */
    boolean etaNear(SupplyRequest request) {
        List<String> recipients = new ArrayList<>(outbox.ops());
        recipients.addAll(owner(request));
        return outbox.enqueue(new EmailOutbox.Draft("supply_request.eta_near", recipients,
                subject("ETA near", request), body("The ETA of this supply request is near or has passed.", request),
                "eta-near:" + request.id + ":" + request.etaDate));
    }

    void inTransit(SupplyRequest request) {
        outbox.enqueue(new EmailOutbox.Draft("supply_request.in_transit", owner(request),
                subject("In transit", request), body("This supply request is confirmed in transit.", request), null));
    }

    void arrivedSoft(SupplyRequest request) {
        outbox.enqueue(new EmailOutbox.Draft("supply_request.arrived_soft", owner(request),
                subject("Arrived (soft)", request),
                body("This supply request arrived (soft): " + request.arrivedMeters + " m, ready for allocation planning.", request),
                null));
    }

    /** The deal's sales owner; the sales managers when the CRM did not name one, so the news still reaches sales. */
    private List<String> owner(SupplyRequest request) {
        return request.salesOwnerEmail != null ? List.of(request.salesOwnerEmail) : outbox.salesManagers();
    }

    private static String subject(String what, SupplyRequest request) {
        return "[LotAstro] " + what + ": " + request.catalogItem.qualityCode + " / " + request.catalogItem.colorCode + ", "
                + request.meters + " m" + (request.etaDate == null ? "" : ", ETA " + request.etaDate)
                + " (CRM " + request.crmSupplyRequestId + ")";
    }

    private static String body(String headline, SupplyRequest request) {
        return headline + "\n\n"
                + "Supply request: " + request.id + "\n"
                + "CRM supply request: " + request.crmSupplyRequestId + "\n"
                + "CRM deal: " + orNone(request.crmDealId) + "\n"
                + "CRM customer: " + orNone(request.crmCustomerId) + "\n"
                + "Type: " + request.type.value() + "\n"
                + "Status: " + request.status.value() + "\n"
                + "Catalog item: " + request.catalogItem.qualityCode + " / " + request.catalogItem.colorCode + "\n"
                + "Meters: " + request.meters + "\n"
                + (request.arrivedMeters == null ? "" : "Arrived meters: " + request.arrivedMeters + "\n")
                + "ETA: " + orNone(request.etaDate) + "\n"
                + (request.manufacturingOrderReference == null ? "" : "Manufacturing order: " + request.manufacturingOrderReference + "\n")
                + (request.notes == null ? "" : "Notes: " + request.notes + "\n");
    }

    private static String orNone(Object value) {
        return value == null ? "-" : value.toString();
    }
}
