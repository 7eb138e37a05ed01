package com.lotastro.supply;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class SupplyTypeConverter implements AttributeConverter<SupplyType, String> {
    @Override
    public String convertToDatabaseColumn(SupplyType type) {
        return type == null ? null : type.value();
    }

    @Override
    public SupplyType convertToEntityAttribute(String value) {
        return value == null ? null : SupplyType.fromValue(value);
    }
}
