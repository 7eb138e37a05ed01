package com.lotastro.shared.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Turns what a resource method answered into the exact text sent and stored, with the application's ObjectMapper
 * (the one that writes every other response), so the first response and its replays are the same bytes.
 */
@ApplicationScoped
public class ResponseBodies {
    private static final Map<Method, Integer> STATUSES = new ConcurrentHashMap<>();

    @Inject
    ObjectMapper objectMapper;

    /** Reads a stored body back without normalizing numbers (10.00 stays 10.00, never 10 or 1E+1). */
    private ObjectReader exactReader;

    @PostConstruct
    void init() {
        exactReader = objectMapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    public StoredResponse of(Method method, Object result) throws JsonProcessingException {
        if (result instanceof Response response) {
            Object entity = response.getEntity();
            String body = entity == null ? null : entity instanceof String text ? text : objectMapper.writeValueAsString(entity);
            MediaType type = response.getMediaType();
            return new StoredResponse(response.getStatus(), body, type == null ? MediaType.APPLICATION_JSON : type.toString());
        }
        return new StoredResponse(statusOf(method), result == null ? null : objectMapper.writeValueAsString(result),
                MediaType.APPLICATION_JSON);
    }

    /** The problem a refusal is rendered as, exactly as the error pipeline renders it. */
    public StoredResponse of(ApiException refusal, String path) throws JsonProcessingException {
        return new StoredResponse(refusal.errorCode().status(), objectMapper.writeValueAsString(Problem.of(refusal, path)),
                Problem.MEDIA_TYPE);
    }

    /** Drops the fields a response shows only once (API keys), so no secret is kept in the replay store. */
    public StoredResponse forReplay(Method method, StoredResponse response) throws JsonProcessingException {
        RedactOnReplay redact = method.getAnnotation(RedactOnReplay.class);
        if (redact == null || response.body() == null) {
            return response;
        }
        JsonNode body = exactReader.readTree(response.body());
        for (String path : redact.value()) {
            String[] parts = path.split("\\.");
            JsonNode parent = body;
            for (int i = 0; i < parts.length - 1 && parent != null; i++) {
                parent = parent.get(parts[i]);
            }
            if (parent instanceof ObjectNode object) {
                object.remove(parts[parts.length - 1]);
            }
        }
        return new StoredResponse(response.status(), objectMapper.writeValueAsString(body), response.mediaType());
    }

    /** The status the contract gives the operation: @ResponseStatus sits on the generated interface, not the resource. */
    static int statusOf(Method method) {
        return STATUSES.computeIfAbsent(method, ResponseBodies::declaredStatus);
    }

    private static int declaredStatus(Method method) {
        ResponseStatus status = method.getAnnotation(ResponseStatus.class);
        for (Class<?> type = method.getDeclaringClass(); status == null && type != null; type = type.getSuperclass()) {
            for (Class<?> api : type.getInterfaces()) {
                try {
                    status = api.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(ResponseStatus.class);
                } catch (NoSuchMethodException e) {
                    // not declared by this interface
                }
                if (status != null) {
                    break;
                }
            }
        }
        return status == null ? Response.Status.OK.getStatusCode() : status.value();
    }
}
