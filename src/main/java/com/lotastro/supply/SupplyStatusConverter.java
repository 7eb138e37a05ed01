package com.lotastro.supply;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores statuses by their contract value (e.g. {@code arrived_soft}), as the database check expects. */
@Converter
public class SupplyStatusConverter implements AttributeConverter<SupplyStatus, String> {
    @Override
    public String convertToDatabaseColumn(SupplyStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public SupplyStatus convertToEntityAttribute(String value) {
        return value == null ? null : SupplyStatus.fromValue(value);
    }
}
