package com.lotastro.customer;

import com.lotastro.shared.ContractValue;
import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The fixed taxonomy of contact roles. */
public enum ContactRole implements ContractValue {
    BILLING("billing"),
    SHIPPING("shipping"),
    OPERATIONS("operations"),
    TECHNICAL("technical"),
    EXECUTIVE("executive");

    private final String value;

    ContactRole(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** Stores a set of roles as their contract spellings, comma-separated, in a fixed order. */
    @jakarta.persistence.Converter
    public static class SetConverter implements AttributeConverter<Set<ContactRole>, String> {
        @Override
        public String convertToDatabaseColumn(Set<ContactRole> roles) {
            return roles == null ? "" : roles.stream().sorted().map(ContactRole::value).collect(Collectors.joining(","));
        }

        @Override
        public Set<ContactRole> convertToEntityAttribute(String column) {
            Set<ContactRole> roles = EnumSet.noneOf(ContactRole.class);
            if (column != null && !column.isEmpty()) {
                Arrays.stream(column.split(",")).map(v -> ContractValue.parse(ContactRole.class, v)).forEach(roles::add);
            }
            return roles;
        }
    }
}
