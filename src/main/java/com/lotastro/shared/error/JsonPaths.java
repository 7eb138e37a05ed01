package com.lotastro.shared.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns Jackson paths and target types into the JSON names and plain words a caller sees. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String of(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return "must be one of: " + allowed;
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (Number.class.isAssignableFrom(target) || target == BigDecimal.class || target == int.class || target == long.class) {
            return "must be a number";
        }
        if (target == OffsetDateTime.class) {
            return "must be a date-time such as 2026-11-21T09:00:00Z";
        }
        if (target == LocalDate.class) {
            return "must be a date such as 2026-11-21";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || !target.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
