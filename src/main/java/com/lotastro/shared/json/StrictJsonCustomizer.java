package com.lotastro.shared.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The application's ObjectMapper (request bodies, responses) reads JSON as {@link StrictJson} says. */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public int priority() {
        // After Quarkus's own customizers, so these formats replace the default java.time and UUID readers.
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.configure(mapper);
    }
}
