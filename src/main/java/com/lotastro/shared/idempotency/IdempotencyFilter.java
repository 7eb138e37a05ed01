package com.lotastro.shared.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lotastro.shared.error.Problem;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Idempotency-Key on POST: the first request with a key is processed and its response stored; a retry with
 * the same body gets that response again, one with another body is refused, one that overlaps the first
 * waits its turn (409). Runs after authentication, so keys are per organization.
 */
public class IdempotencyFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    CallerContext caller;

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper objectMapper;

    @ServerRequestFilter(priority = Priorities.USER)
    public Response claim(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !caller.isAuthenticated()) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String hash = fingerprint(request.getMethod(), request.getUriInfo().getPath(), body);
        IdempotencyStore.Claim claim = store.claim(caller.organizationId(), key, hash);
        if (claim instanceof IdempotencyStore.Replay replay) {
            return Response.status(replay.status())
                    .entity(replay.body())
                    .type(replay.mediaType())
                    .header(REPLAYED_HEADER, "true")
                    .build();
        }
        if (claim instanceof IdempotencyStore.InProgress) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "The first request with this " + HEADER + " has not finished; retry shortly");
        }
        if (claim instanceof IdempotencyStore.Reused) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This " + HEADER + " was used for a different request; use a new key");
        }
        request.setProperty(CLAIMED, key);
        return null;
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource)
            throws JsonProcessingException {
        String key = (String) request.getProperty(CLAIMED);
        if (key == null) {
            return;
        }
        if (response.getStatus() >= 500 || isRetryInvitation(response)) {
            // The caller is told to retry: the key must not pin this answer for a day.
            store.release(caller.organizationId(), key);
            return;
        }
        String body = response.hasEntity() ? redacted(objectMapper.valueToTree(response.getEntity()), resource) : null;
        MediaType type = response.getMediaType();
        store.complete(caller.organizationId(), key, response.getStatus(), body,
                type == null ? MediaType.APPLICATION_JSON : type.toString());
    }

    private static boolean isRetryInvitation(ContainerResponseContext response) {
        return response.getStatus() == 409 && response.getEntity() instanceof Problem problem
                && (ErrorCode.CONCURRENT_MODIFICATION.code().equals(problem.code())
                || ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS.code().equals(problem.code()));
    }

    /** Drops the fields a response shows only once (API keys), so no secret is kept in the replay store. */
    private String redacted(JsonNode body, ResourceInfo resource) throws JsonProcessingException {
        Method method = resource == null ? null : resource.getResourceMethod();
        RedactOnReplay redact = method == null ? null : method.getAnnotation(RedactOnReplay.class);
        if (redact != null && body instanceof ObjectNode) {
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
        }
        return objectMapper.writeValueAsString(body);
    }

    private static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
