package com.lotastro.order;

import com.lotastro.shared.ContractValue;
import com.lotastro.shared.ContractValueConverter;
import java.util.EnumSet;
import java.util.Set;

/**
 * The PO state machine: created → staged → picked → fulfilled → shipped → delivered, and cancelled from any state
 * before fulfilled. Shipped and delivered follow the order's shipment.
 */
public enum OrderStatus implements ContractValue {
    CREATED("created"),
    STAGED("staged"),
    PICKED("picked"),
    FULFILLED("fulfilled"),
    SHIPPED("shipped"),
    DELIVERED("delivered"),
    CANCELLED("cancelled");

    private final String value;

    OrderStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public Set<OrderStatus> allowedNext() {
        return switch (this) {
            case CREATED -> EnumSet.of(STAGED, CANCELLED);
            case STAGED -> EnumSet.of(PICKED, CANCELLED);
            case PICKED -> EnumSet.of(FULFILLED, CANCELLED);
            case FULFILLED -> EnumSet.of(SHIPPED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    @jakarta.persistence.Converter
    public static class Converter extends ContractValueConverter<OrderStatus> {
        public Converter() {
            super(OrderStatus.class);
        }
    }
}
