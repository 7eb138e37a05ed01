package com.lotastro.shared;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * How Hibernate reads and writes JSON columns (audit before/after, outbox payloads, shortage decision moves, job run
 * counts). Decimals stay {@link java.math.BigDecimal} both ways, so 10.10 meters read back as 10.10, never as the
 * double 10.1; otherwise it is Hibernate's own Jackson mapping, with the modules found on the class path.
 */
@JsonFormat
@PersistenceUnitExtension
@ApplicationScoped
public class JsonColumnFormat implements FormatMapper {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModules(ObjectMapper.findModules(JsonColumnFormat.class.getClassLoader()))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final FormatMapper jackson = new JacksonJsonFormatMapper(MAPPER);

    /**
     * The object as a JSON column reads it back (ids and instants as text, numbers as written). Append-only rows
     * (audit events, outbox events) are given their values so: Hibernate's dirty check compares an entity with its
     * JSON round trip, and a value that does not survive the round trip unchanged makes it update the row it just
     * inserted.
     */
    public static Map<String, Object> asRead(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.readValue(MAPPER.writeValueAsString(value), OBJECT);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not storable as JSON: " + value, e);
        }
    }

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> javaType, WrapperOptions options) {
        return jackson.fromString(json, javaType, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        return jackson.toString(value, javaType, options);
    }

    @Override
    public boolean supportsSourceType(Class<?> sourceType) {
        return jackson.supportsSourceType(sourceType);
    }

    @Override
    public boolean supportsTargetType(Class<?> targetType) {
        return jackson.supportsTargetType(targetType);
    }

    @Override
    public <T> void writeToTarget(T value, JavaType<T> javaType, Object target, WrapperOptions options) throws java.io.IOException {
        jackson.writeToTarget(value, javaType, target, options);
    }

    @Override
    public <T> T readFromSource(JavaType<T> javaType, Object source, WrapperOptions options) throws java.io.IOException {
        return jackson.readFromSource(javaType, source, options);
    }
}
