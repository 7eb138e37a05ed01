package com.lotastro.shared.error;

import java.util.List;
import java.util.Map;

/** A refusal the caller can act on; rendered as application/problem+json by {@link ProblemMappers}. */
public class ApiException extends RuntimeException {
    private final ErrorCode errorCode;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ApiException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of(), Map.of());
    }

    public ApiException(ErrorCode errorCode, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        this(errorCode, detail, errors, extensions, Map.of());
    }

    /** With response headers, e.g. Retry-After on a 503. */
    public ApiException(ErrorCode errorCode, String detail, List<FieldError> errors, Map<String, Object> extensions,
                        Map<String, String> headers) {
        super(detail, null, false, false);
        this.errorCode = errorCode;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, "No " + what + " " + id);
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(ErrorCode.VALIDATION_FAILED, detail, errors, Map.of());
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
