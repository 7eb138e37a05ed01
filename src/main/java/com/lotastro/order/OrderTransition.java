package com.lotastro.order;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of an order's transition log: from, to, who, when, and what triggered it (API call, CRM event, job). */
@Entity
@Table(name = "order_transitions")
public class OrderTransition {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Convert(converter = OrderStatus.Converter.class)
    @Column(name = "from_status")
    public OrderStatus fromStatus;
    @Convert(converter = OrderStatus.Converter.class)
    @Column(name = "to_status", nullable = false)
    public OrderStatus toStatus;
    @Column(name = "trigger_type", nullable = false)
    public String trigger;
    @Column(name = "trigger_ref")
    public String triggerRef;
    @Column(name = "actor")
    public String actor;
    @Column(name = "api_key_id")
    public UUID apiKeyId;
    @Column(name = "reason")
    public String reason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
