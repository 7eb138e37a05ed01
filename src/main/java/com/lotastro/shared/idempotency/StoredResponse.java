package com.lotastro.shared.idempotency;

/** An answer as it goes over the wire: the body is the exact JSON text, so a replay sends the same bytes. */
public record StoredResponse(int status, String body, String mediaType) {
}
