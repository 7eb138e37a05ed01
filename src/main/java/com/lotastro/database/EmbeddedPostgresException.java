package com.lotastro.database;

/** The embedded PostgreSQL could not start; the message says what to change. */
public class EmbeddedPostgresException extends RuntimeException {
    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
