package com.lotastro.shared.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the single shape of every error body. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode errorCode, String detail, String instance, List<FieldError> errors,
                             Map<String, Object> extensions) {
        return new Problem("urn:lotastro:problem:" + errorCode.code(), errorCode.title(), errorCode.status(), detail,
                instance, errorCode.code(), errors, extensions);
    }

    /** The same problem answered with another status (a CRM event refused for a business reason is always a 422). */
    public Problem withStatus(int newStatus) {
        return new Problem(type, title, newStatus, detail, instance, code, errors, extensions);
    }

    public static Problem of(ApiException e, String instance) {
        return of(e.errorCode(), e.getMessage(), instance, e.errors(), e.extensions());
    }

    /** Extra members defined by a code, e.g. {@code required_scope} for insufficient_scope. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
