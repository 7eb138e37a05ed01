package com.lotastro.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One invoice line: quantity × unit price less its discount is the net amount, rounded half-up to 2 decimals; the
 * tax is the rate applied to that rounded net, rounded again; gross is their sum. The price provenance says where the
 * unit price came from ({@code crm_deal_line} for a line taken from an order, {@code manual} otherwise).
 */
@Entity
@Table(name = "invoice_lines")
public class InvoiceLine {
    public static final String FROM_CRM_DEAL_LINE = "crm_deal_line";
    public static final String MANUAL = "manual";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    public Invoice invoice;
    @Column(name = "position", nullable = false)
    public int position;
    @Column(name = "description", nullable = false)
    public String description;
    @Column(name = "order_line_id")
    public UUID orderLineId;
    @Column(name = "crm_deal_line_id")
    public UUID crmDealLineId;
    @Column(name = "quality_code")
    public String qualityCode;
    @Column(name = "color_code")
    public String colorCode;
    @Column(name = "quantity", nullable = false, precision = 14, scale = 3)
    public BigDecimal quantity;
    @Column(name = "unit", nullable = false)
    public String unit;
    @Column(name = "unit_price", nullable = false, precision = 14, scale = 4)
    public BigDecimal unitPrice;
    @Column(name = "discount_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal discountPercent;
    @Column(name = "tax_rate", nullable = false, precision = 5, scale = 2)
    public BigDecimal taxRate;
    @Column(name = "net_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal netAmount;
    @Column(name = "tax_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal taxAmount;
    @Column(name = "gross_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal grossAmount;
    @Column(name = "price_source", nullable = false)
    public String priceSource;

    /** Sets the quantity, price, discount and tax rate and works the line's amounts out again. */
    public void price(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be above 0");
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unit_price must not be negative");
        }
        this.quantity = quantity.setScale(3, RoundingMode.HALF_UP);
        this.unitPrice = unitPrice.setScale(4, RoundingMode.HALF_UP);
        this.discountPercent = discountPercent.setScale(2, RoundingMode.HALF_UP);
        this.taxRate = taxRate.setScale(2, RoundingMode.HALF_UP);
        BigDecimal list = this.quantity.multiply(this.unitPrice);
        netAmount = Money.round(list.subtract(Money.percentOf(list, this.discountPercent)));
        taxAmount = Money.round(Money.percentOf(netAmount, this.taxRate));
        grossAmount = netAmount.add(taxAmount);
        if (grossAmount.compareTo(Money.MAX) > 0) {
            throw com.lotastro.shared.error.ApiException.invalid("quantity", "× unit_price gives more than " + Money.MAX);
        }
    }

    /** The amount the discount takes off quantity × unit price (rounded like the line). */
    public BigDecimal discountAmount() {
        return Money.round(quantity.multiply(unitPrice)).subtract(netAmount).max(Money.ZERO);
    }

    Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("line_id", id == null ? null : id.toString());
        state.put("description", description);
        state.put("quantity", quantity);
        state.put("unit_price", unitPrice);
        state.put("discount_percent", discountPercent);
        state.put("tax_rate", taxRate);
        state.put("net_amount", netAmount);
        state.put("price_source", priceSource);
        return state;
    }
}
