package com.lotastro.reservation;

import com.lotastro.reservation.ReservationEnums.ShortageDecisionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A manager's answer to a supply that arrived short. */
@Entity
@Table(name = "shortage_decisions")
public class ShortageDecision {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "supply_request_id", nullable = false)
    public UUID supplyRequestId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reservation_ids", nullable = false)
    public List<String> reservationIds;
    @Convert(converter = ReservationEnums.ShortageDecisionKindConverter.class)
    @Column(name = "decision", nullable = false)
    public ShortageDecisionKind decision;
    @Column(name = "notes")
    public String notes;
    @Column(name = "expected_date")
    public LocalDate expectedDate;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "moves")
    public List<Map<String, Object>> moves;
    @Column(name = "actor")
    public String actor;
    @Column(name = "api_key_id")
    public UUID apiKeyId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
