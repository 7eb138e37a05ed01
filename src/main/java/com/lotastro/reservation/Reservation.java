package com.lotastro.reservation;

import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.reservation.ReservationEnums.Status;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Meters promised to a CRM deal, line by line, on the way from a promise to rolls. */
@Entity
@Table(name = "reservations")
public class Reservation {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "crm_deal_id", nullable = false)
    public UUID crmDealId;
    @Column(name = "crm_customer_id", nullable = false)
    public UUID crmCustomerId;
    /** The incoming supply this reservation was made against (instead of on-hand stock). */
    @Column(name = "supply_request_id")
    public UUID supplyRequestId;
    @Convert(converter = ReservationEnums.StatusConverter.class)
    @Column(name = "status", nullable = false)
    public Status status;
    @Convert(converter = ReservationEnums.ShipIntentConverter.class)
    @Column(name = "ship_intent", nullable = false)
    public ShipIntent shipIntent;
    @Column(name = "ship_date")
    public LocalDate shipDate;
    @Column(name = "hold_until")
    public Instant holdUntil;
    @Column(name = "expected_date")
    public LocalDate expectedDate;
    @Column(name = "sales_owner_email")
    public String salesOwnerEmail;
    @Convert(converter = ReservationEnums.AllocationStateConverter.class)
    @Column(name = "allocation_state", nullable = false)
    public AllocationState allocationState;
    @Convert(converter = ReservationEnums.ActionReasonConverter.class)
    @Column(name = "action_required_reason")
    public ActionReason actionRequiredReason;
    /** The arrived supply whose allocation plan assigned this reservation's planned meters. */
    @Column(name = "planned_supply_request_id")
    public UUID plannedSupplyRequestId;
    @Column(name = "release_reason")
    public String releaseReason;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Refreshed with the reservation: whoever locks a reservation must see its lines as they are now. */
    @OneToMany(mappedBy = "reservation", cascade = CascadeType.REFRESH)
    @OrderBy("createdAt, id")
    public List<ReservationLine> lines = new ArrayList<>();

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean actionRequired() {
        return actionRequiredReason != null;
    }

    Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status.value());
        state.put("ship_intent", shipIntent.value());
        state.put("ship_date", shipDate == null ? null : shipDate.toString());
        state.put("hold_until", holdUntil == null ? null : holdUntil.toString());
        state.put("allocation_state", allocationState.value());
        state.put("action_required_reason", actionRequiredReason == null ? null : actionRequiredReason.value());
        state.put("lines", lines.stream().map(ReservationLine::describe).toList());
        return state;
    }
}
