package com.lotastro.shared.error;

/** One invalid field of a request, named by its JSON path (e.g. {@code rolls[0].meters}). */
public record FieldError(String field, String message) {
}
