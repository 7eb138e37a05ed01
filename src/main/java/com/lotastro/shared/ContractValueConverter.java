package com.lotastro.shared;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link ContractValue} enum by its contract spelling; subclass it per enum (JPA needs a concrete class). */
public abstract class ContractValueConverter<E extends Enum<E> & ContractValue> implements AttributeConverter<E, String> {
    private final Class<E> type;

    protected ContractValueConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.value();
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : ContractValue.parse(type, value);
    }
}
