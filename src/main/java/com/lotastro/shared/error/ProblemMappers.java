package com.lotastro.shared.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error pipeline: every exception leaves the API as application/problem+json with a stable code,
 * never as a stack trace, a class name or an empty body.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        Response response = render(e.errorCode(), e.getMessage(), uri, e.errors(), e.extensions());
        e.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        return response;
    }

    @ServerExceptionMapper
    public Response stored(StoredResponseException e) {
        return Response.status(e.status()).type(e.mediaType()).entity(e.body()).build();
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<ConstraintViolations.Located> located = e.getConstraintViolations().stream()
                .map(ConstraintViolations::locate)
                .sorted(Comparator.comparing(l -> l.error().field()))
                .toList();
        List<FieldError> errors = located.stream().map(ConstraintViolations.Located::error).toList();
        boolean inBody = located.stream().anyMatch(ConstraintViolations.Located::inBody);
        if (inBody) {
            return render(ApiException.invalid(errors), uri);
        }
        FieldError first = errors.get(0);
        return render(ErrorCode.INVALID_PARAMETER, first.field() + " " + first.message(), uri, errors, Map.of());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    /** Declared for the exact types Quarkus has built-in mappers for (which answer with an empty body). */
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(StreamReadException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Optional<JsonProcessingException> jsonCause = causeOfType(e, JsonProcessingException.class);
        if (jsonCause.isPresent()) {
            return jsonProblem(jsonCause.get(), uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // A query or path parameter that could not be converted (not a UUID, not an allowed value, ...).
            return render(ErrorCode.INVALID_PARAMETER, "A parameter has an invalid value: " + e.getCause().getMessage(),
                    uri, List.of(), Map.of());
        }
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.INVALID_PARAMETER;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.INSUFFICIENT_SCOPE;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (code == null) {
            return unexpected(e, uri);
        }
        String detail = switch (code) {
            case NOT_FOUND -> "No resource at " + uri.getPath();
            case METHOD_NOT_ALLOWED -> "This method is not allowed on " + uri.getPath();
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
            case NOT_ACCEPTABLE -> "This resource answers application/json";
            default -> "The request has an invalid parameter";
        };
        return render(code, detail, uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (causeOfType(e, OptimisticLockException.class).isPresent() || causeOfType(e, StaleStateException.class).isPresent()) {
            return render(ErrorCode.CONCURRENT_MODIFICATION, "The resource was changed concurrently; read it again and retry",
                    uri, List.of(), Map.of());
        }
        Optional<ApiException> translated = DatabaseConstraints.translate(e).or(() -> DatabaseFaults.translate(e));
        return translated.map(api -> apiException(api, uri)).orElseGet(() -> unexpected(e, uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<ApiException> translated = DatabaseConstraints.translate(e).or(() -> DatabaseFaults.translate(e));
        if (translated.isPresent()) {
            return apiException(translated.get(), uri);
        }
        if (bodyTooLarge(e)) {
            return render(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than the server accepts", uri, List.of(), Map.of());
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return render(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred; it has been logged", uri, List.of(), Map.of());
    }

    /** A body sent without Content-Length that grew past the limit while being read (Quarkus's own message). */
    private static boolean bodyTooLarge(Throwable e) {
        return causeOfType(e, java.io.IOException.class)
                .map(io -> "Request too large".equals(io.getMessage()))
                .orElse(false);
    }

    private Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StreamReadException read && !(e instanceof MismatchedInputException)) {
            String where = read.getLocation() == null ? ""
                    : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr();
            return render(ErrorCode.MALFORMED_JSON, "The body is not valid JSON" + where, uri, List.of(), Map.of());
        }
        if (e instanceof JsonMappingException mapping) {
            return render(ApiException.invalid(List.of(JsonFieldErrors.describe(mapping))), uri);
        }
        return render(ErrorCode.MALFORMED_JSON, "The body is not valid JSON", uri, List.of(), Map.of());
    }

    private Response render(ApiException e, UriInfo uri) {
        return render(e.errorCode(), e.getMessage(), uri, e.errors(), e.extensions());
    }

    private Response render(ErrorCode code, String detail, UriInfo uri, List<FieldError> errors, Map<String, Object> extensions) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, detail, instance, new ArrayList<>(errors), extensions))
                .build();
    }

    static <T extends Throwable> Optional<T> causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Names a Jackson binding failure by JSON path, without leaking Java types. */
    static final class JsonFieldErrors {
        private JsonFieldErrors() {
        }

        static FieldError describe(JsonMappingException e) {
            String path = JsonPaths.of(e.getPath());
            if (e instanceof UnrecognizedPropertyException unknown) {
                return new FieldError(JsonPaths.join(JsonPaths.of(parentPath(e)), unknown.getPropertyName()), "is not a known field");
            }
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (original.startsWith("Missing required creator property '")) {
                String name = original.substring("Missing required creator property '".length(), original.indexOf('\'', 36));
                // Jackson sometimes already points at the missing property, sometimes at its parent.
                boolean pointsAtName = path.equals(name) || path.endsWith("." + name);
                return new FieldError(pointsAtName ? path : JsonPaths.join(path, name), "is required");
            }
            if (e instanceof InvalidNullException || original.contains("Null value for creator property")) {
                return new FieldError(path, "must not be null");
            }
            Class<?> target = null;
            if (e instanceof InvalidFormatException invalid) {
                target = invalid.getTargetType();
            } else if (e instanceof MismatchedInputException mismatch) {
                target = mismatch.getTargetType();
            } else if (e instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
                target = instantiation.getType().getRawClass();
            }
            return new FieldError(path.isEmpty() ? "body" : path, JsonPaths.expectation(target));
        }

        private static List<JsonMappingException.Reference> parentPath(JsonMappingException e) {
            List<JsonMappingException.Reference> refs = e.getPath();
            return refs.isEmpty() ? refs : refs.subList(0, refs.size() - 1);
        }
    }

    /** Helpers for violations of Bean Validation constraints. */
    static final class ConstraintViolations {
        record Located(FieldError error, boolean inBody) {
        }

        private ConstraintViolations() {
        }

        static Located locate(ConstraintViolation<?> violation) {
            ValidationPaths.Resolved resolved = ValidationPaths.resolve(violation);
            return new Located(new FieldError(resolved.field(), violation.getMessage()), resolved.inBody());
        }
    }
}
