package com.lotastro.shared.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refusals made before a request reaches a resource, in the same problem+json shape as every other error: a URI
 * longer than {@code lotastro.http.max-uri-length} (414) and a body announced larger than
 * {@code quarkus.http.limits.max-body-size} (413). Vert.x itself would answer both with an empty body, so these
 * limits sit just below its own (which are set higher in application.properties). Any failure that escapes the
 * REST layer is rendered here too, never as Quarkus's default error page.
 */
@ApplicationScoped
public class TransportLimits {
    private static final Logger LOG = Logger.getLogger(TransportLimits.class);
    /** Before Quarkus's own upload-limit route (order -2), which answers 413 with an empty body. */
    private static final int BEFORE_UPLOAD_LIMIT = -3;

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "lotastro.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(BEFORE_UPLOAD_LIMIT).handler(this::checkLimits);
        router.route().failureHandler(this::renderFailure);
    }

    private void checkLimits(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri != null && uri.length() > maxUriLength) {
            refuse(ctx, ErrorCode.URI_TOO_LONG, "The request URI is longer than " + maxUriLength + " characters", true);
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            refuse(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBodySize.asLongValue() + " bytes", true);
            return;
        }
        ctx.next();
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void renderFailure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        if (ctx.failure() != null) {
            var fault = DatabaseFaults.translate(ctx.failure());
            if (fault.isPresent()) {
                refuse(ctx, fault.get().errorCode(), fault.get().getMessage(), false);
                return;
            }
        }
        int status = ctx.statusCode();
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.INVALID_PARAMETER;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.INSUFFICIENT_SCOPE;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 414 -> ErrorCode.URI_TOO_LONG;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.DATABASE_UNAVAILABLE;
            default -> ErrorCode.INTERNAL_ERROR;
        };
        if (code == ErrorCode.INTERNAL_ERROR) {
            LOG.errorf(ctx.failure(), "Unexpected failure on %s", ctx.request().path());
        }
        refuse(ctx, code, code == ErrorCode.INTERNAL_ERROR ? "An unexpected error occurred; it has been logged" : code.title(),
                status == 413 || status == 414);
    }

    private void refuse(RoutingContext ctx, ErrorCode code, String detail, boolean closeConnection) {
        Problem problem = Problem.of(code, detail, ctx.request().path(), List.of(), Map.of());
        String body;
        try {
            body = objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"urn:lotastro:problem:" + code.code() + "\",\"status\":" + code.status() + "}";
        }
        var response = ctx.response().setStatusCode(code.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (code.status() == 503) {
            response.putHeader("Retry-After", String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS));
        }
        if (closeConnection) {
            // The body that was announced is not read; the connection cannot carry another request after it.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }
}
