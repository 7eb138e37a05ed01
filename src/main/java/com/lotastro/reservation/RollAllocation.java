package com.lotastro.reservation;

import com.lotastro.inventory.Roll;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Meters of one roll bound to one reservation line; released allocations stay as history. */
@Entity
@Table(name = "roll_allocations")
public class RollAllocation {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "reservation_id", nullable = false)
    public UUID reservationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reservation_line_id", nullable = false)
    public ReservationLine line;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "roll_id", nullable = false)
    public Roll roll;
    @Column(name = "meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal meters;
    /** Order of binding within the line: the newest is given back first when the deal shrinks. */
    @Column(name = "position", nullable = false)
    public int position;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "released_at")
    public Instant releasedAt;
    /** Set when the binding was handed to an order (closed here, the roll still reserved for the order). */
    @Column(name = "handed_to_order_id")
    public UUID handedToOrderId;

    public boolean isActive() {
        return releasedAt == null;
    }
}
