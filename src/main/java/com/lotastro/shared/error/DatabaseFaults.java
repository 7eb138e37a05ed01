package com.lotastro.shared.error;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Failures of the database itself rather than of the request: a connection lost or refused (server restarted,
 * backend terminated, network cut) is a 503 {@code database_unavailable}, no connection free in the pool within the
 * acquisition timeout a 503 {@code server_busy}; both say when to retry. The transaction was rolled back, so the
 * request may simply be sent again (with the same Idempotency-Key where it has one).
 */
final class DatabaseFaults {
    static final int RETRY_AFTER_SECONDS = 2;
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFaults() {
    }

    static Optional<ApiException> translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = sql.getMessage() == null ? "" : sql.getMessage();
                if (message.contains("acquisition timeout")) {
                    return Optional.of(refusal(ErrorCode.SERVER_BUSY,
                            "Every database connection is in use; nothing was changed, retry shortly"));
                }
                if (state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_STATES.contains(state))) {
                    return Optional.of(unavailable());
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return Optional.of(unavailable());
            }
        }
        return Optional.empty();
    }

    private static ApiException unavailable() {
        return refusal(ErrorCode.DATABASE_UNAVAILABLE,
                "The database connection was lost; the change was rolled back, retry shortly");
    }

    private static ApiException refusal(ErrorCode code, String detail) {
        return new ApiException(code, detail, List.of(), Map.of(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
    }
}
