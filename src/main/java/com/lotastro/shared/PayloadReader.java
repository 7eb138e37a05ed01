package com.lotastro.shared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.FieldError;
import com.lotastro.shared.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a snake_case JSON object received from another system (CRM event data, CRM answers) into a record and
 * validates it; anything wrong is a 422 naming the field under the given prefix.
 */
@ApplicationScoped
public class PayloadReader {
    private static final ObjectMapper SNAKE_CASE = StrictJson.configure(new ObjectMapper()
            .registerModule(new JavaTimeModule()))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

    @Inject
    Validator validator;

    /** Parses a JSON object keeping decimals exact (meters must not pass through floating point). */
    public Map<String, Object> parseObject(String json) {
        try {
            return SNAKE_CASE.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(com.lotastro.shared.error.ErrorCode.MALFORMED_JSON, "The body is not a JSON object");
        }
    }

    public <T> T read(Map<String, Object> payload, Class<T> type, String prefix) {
        T value;
        try {
            value = SNAKE_CASE.convertValue(payload == null ? Map.of() : payload, type);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof JsonMappingException mapping ? pathOf(mapping) : "";
            throw ApiException.invalid(prefix + (field.isEmpty() ? "" : "." + field), "has the wrong type or format");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(prefix + "." + snakeCase(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            throw ApiException.invalid(errors);
        }
        return value;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
