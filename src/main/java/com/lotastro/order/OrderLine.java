package com.lotastro.order;

import com.lotastro.catalog.CatalogItem;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A line of a PO, copied from its reservation line with the CRM deal line id preserved. */
@Entity
@Table(name = "order_lines")
public class OrderLine {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public PurchaseOrder order;
    @Column(name = "reservation_line_id", nullable = false)
    public UUID reservationLineId;
    @Column(name = "crm_deal_line_id", nullable = false)
    public UUID crmDealLineId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_item_id", nullable = false)
    public CatalogItem catalogItem;
    @Column(name = "ordered_meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal orderedMeters;
    @Column(name = "position", nullable = false)
    public int position;
    @OneToMany(mappedBy = "line", cascade = CascadeType.REFRESH)
    @OrderBy("position")
    public List<OrderLot> lots = new ArrayList<>();

    public BigDecimal pickedMeters() {
        return lots.stream().filter(OrderLot::isPicked).map(l -> l.pickedMeters).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public boolean fullyPicked() {
        return lots.stream().allMatch(OrderLot::isPicked);
    }

    Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("order_line_id", id);
        state.put("crm_deal_line_id", crmDealLineId);
        state.put("ordered_meters", orderedMeters);
        state.put("lots", lots.stream().map(OrderLot::describe).toList());
        return state;
    }
}
