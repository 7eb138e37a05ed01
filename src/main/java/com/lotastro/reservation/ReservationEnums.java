package com.lotastro.reservation;

import com.lotastro.shared.ContractValue;
import com.lotastro.shared.ContractValueConverter;
import jakarta.persistence.Converter;

/** The reservation vocabulary of the contract, with their database converters. */
public final class ReservationEnums {
    private ReservationEnums() {
    }

    public enum ShipIntent implements ContractValue {
        IMMEDIATE("immediate"), SHIP_ON_DATE("ship_on_date"), UNKNOWN("unknown");

        private final String value;

        ShipIntent(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    public enum Status implements ContractValue {
        ACTIVE("active"), RELEASED("released"), ORDERED("ordered"), FULFILLED("fulfilled");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    public enum AllocationState implements ContractValue {
        UNALLOCATED("unallocated"), PLANNED("planned"), PARTIALLY_ALLOCATED("partially_allocated"), ALLOCATED("allocated");

        private final String value;

        AllocationState(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    public enum ActionReason implements ContractValue {
        NEEDS_ALLOCATION_PLAN("needs_allocation_plan"),
        NEEDS_ROLL_ENTRY("needs_roll_entry"),
        NEEDS_SHIP_DATE("needs_ship_date"),
        NEEDS_CUSTOMER_CONFIRMATION("needs_customer_confirmation"),
        NEEDS_SHIPMENT_APPROVAL("needs_shipment_approval"),
        NEEDS_SHORTAGE_DECISION("needs_shortage_decision"),
        OVERRIDE_USED("override_used");

        private final String value;

        ActionReason(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    public enum ShortageDecisionKind implements ContractValue {
        PARTIAL_FULFIL("partial_fulfil"), DELAY("delay"), CANCEL("cancel"), REALLOCATE("reallocate");

        private final String value;

        ShortageDecisionKind(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    @Converter
    public static class ShipIntentConverter extends ContractValueConverter<ShipIntent> {
        public ShipIntentConverter() {
            super(ShipIntent.class);
        }
    }

    @Converter
    public static class StatusConverter extends ContractValueConverter<Status> {
        public StatusConverter() {
            super(Status.class);
        }
    }

    @Converter
    public static class AllocationStateConverter extends ContractValueConverter<AllocationState> {
        public AllocationStateConverter() {
            super(AllocationState.class);
        }
    }

    @Converter
    public static class ActionReasonConverter extends ContractValueConverter<ActionReason> {
        public ActionReasonConverter() {
            super(ActionReason.class);
        }
    }

    @Converter
    public static class ShortageDecisionKindConverter extends ContractValueConverter<ShortageDecisionKind> {
        public ShortageDecisionKindConverter() {
            super(ShortageDecisionKind.class);
        }
    }
}
