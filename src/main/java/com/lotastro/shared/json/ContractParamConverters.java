package com.lotastro.shared.json;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * Path, query and header parameters read the contract's formats as strictly as bodies do: {@code 1-1-1-1-1} is
 * not a UUID and {@code 1700000000} is not a date-time (each a 400 {@code invalid_parameter}).
 */
@Provider
public class ContractParamConverters implements ParamConverterProvider {
    private static final ParamConverter<UUID> UUIDS = converter(ContractFormats::uuid);
    private static final ParamConverter<OffsetDateTime> DATE_TIMES = converter(ContractFormats::dateTime);
    private static final ParamConverter<LocalDate> DATES = converter(ContractFormats::date);

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == UUID.class) {
            return (ParamConverter<T>) UUIDS;
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) DATE_TIMES;
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) DATES;
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                return parse.apply(value);
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }
}
