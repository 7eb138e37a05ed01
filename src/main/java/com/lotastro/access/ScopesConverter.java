package com.lotastro.access;

import com.lotastro.shared.security.Scope;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores scopes as their contract values separated by spaces (as in OAuth), in a stable order. */
@Converter
public class ScopesConverter implements AttributeConverter<Set<Scope>, String> {
    @Override
    public String convertToDatabaseColumn(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::value).collect(Collectors.joining(" "));
    }

    @Override
    public Set<Scope> convertToEntityAttribute(String column) {
        return Arrays.stream(column.split(" "))
                .map(value -> Scope.fromValue(value).orElseThrow(() -> new IllegalStateException("Unknown stored scope " + value)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }
}
