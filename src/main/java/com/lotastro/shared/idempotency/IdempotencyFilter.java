package com.lotastro.shared.idempotency;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Idempotency-Key on creating POSTs (methods marked {@link Idempotent}): reads the key and fingerprints the raw body
 * for {@link IdempotencyInterceptor}, which claims it, and sends the answer it settled on as exact text. Runs after
 * authentication, so keys are per organization.
 */
public class IdempotencyFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    CallerContext caller;

    @Inject
    IdempotentRequest idempotent;

    @ServerRequestFilter(priority = Priorities.USER)
    public void readKey(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        String key = request.getHeaderString(HEADER);
        Method method = resource.getResourceMethod();
        if (key == null || !"POST".equals(request.getMethod()) || !caller.isAuthenticated()
                || method == null || !method.isAnnotationPresent(Idempotent.class)) {
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String path = request.getUriInfo().getPath();
        idempotent.keyed(new IdempotentRequest.Key(key, fingerprint(request.getMethod(), path, body), path));
    }

    /**
     * Sends the stored text instead of writing the entity again, so the first response and every replay are the same
     * bytes. Runs after {@code EntityTagFilter} (response filters run from the highest priority down), which still
     * needs the entity.
     */
    @ServerResponseFilter(priority = Priorities.HEADER_DECORATOR)
    public void sendAnswer(ContainerResponseContext response) {
        idempotent.answer().ifPresent(answer -> {
            response.setStatus(answer.status());
            response.setEntity(answer.body(), response.getEntityAnnotations(), MediaType.valueOf(answer.mediaType()));
            if (idempotent.replayed()) {
                response.getHeaders().putSingle(REPLAYED_HEADER, "true");
            }
        });
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
