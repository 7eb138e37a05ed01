package com.lotastro.order;

import com.lotastro.inventory.Roll;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One roll of a PO line. {@code boundMeters} is what the roll holds reserved for the order: what the reservation had
 * bound when the PO was made, then exactly the measured cut once picked, and zero once the PO let go of it.
 */
@Entity
@Table(name = "order_lots")
public class OrderLot {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_line_id", nullable = false)
    public OrderLine line;
    @Column(name = "crm_deal_line_id", nullable = false)
    public UUID crmDealLineId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "roll_id", nullable = false)
    public Roll roll;
    @Column(name = "lot_id", nullable = false)
    public UUID lotId;
    @Column(name = "ordered_meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal orderedMeters;
    @Column(name = "bound_meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal boundMeters;
    @Column(name = "picked_meters", precision = 12, scale = 2)
    public BigDecimal pickedMeters;
    @Column(name = "substituted_roll_id")
    public UUID substitutedRollId;
    @Column(name = "substitution_reason")
    public String substitutionReason;
    @Column(name = "position", nullable = false)
    public int position;

    public boolean isPicked() {
        return pickedMeters != null;
    }

    Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("order_lot_id", id);
        state.put("roll_id", roll.id);
        state.put("bound_meters", boundMeters);
        state.put("picked_meters", pickedMeters);
        if (substitutedRollId != null) {
            state.put("substituted_roll_id", substitutedRollId);
            state.put("substitution_reason", substitutionReason);
        }
        return state;
    }
}
