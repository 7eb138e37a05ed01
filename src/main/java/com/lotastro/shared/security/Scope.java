package com.lotastro.shared.security;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. {@link #ADMIN} holds every scope of its organization except {@link #PLATFORM_ADMIN}. */
public enum Scope {
    ADMIN("admin"),
    PLATFORM_ADMIN("platform:admin"),
    INVENTORY_READ("inventory:read"),
    INVENTORY_WRITE("inventory:write"),
    SUPPLY_READ("supply:read"),
    SUPPLY_WRITE("supply:write"),
    RESERVATIONS_READ("reservations:read"),
    RESERVATIONS_WRITE("reservations:write"),
    APPROVALS_WRITE("approvals:write"),
    ORDERS_READ("orders:read"),
    ORDERS_WRITE("orders:write"),
    JOBS_READ("jobs:read"),
    CUSTOMERS_READ("customers:read"),
    CUSTOMERS_WRITE("customers:write"),
    SHIPMENTS_READ("shipments:read"),
    SHIPMENTS_WRITE("shipments:write"),
    INVOICES_READ("invoices:read"),
    INVOICES_WRITE("invoices:write"),
    PAYMENTS_READ("payments:read"),
    PAYMENTS_WRITE("payments:write"),
    AUDIT_READ("audit:read"),
    INTEGRATION_ADMIN("integration:admin"),
    INTEGRATION_CRM("integration:crm"),
    INTEGRATION_COURIER("integration:courier");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
