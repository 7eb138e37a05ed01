package com.lotastro.shared.error;

import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Unique constraints are the last guard against concurrent duplicates: when two requests race past the
 * service's own check, the database refuses one, and this table names the refusal for the caller.
 */
final class DatabaseConstraints {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    private static final String DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DATA_EXCEPTION_CLASS = "22";

    private static final Map<String, ErrorCode> UNIQUE_CONSTRAINTS = Map.of(
            "uq_catalog_items_codes", ErrorCode.DUPLICATE_CATALOG_ITEM,
            "uq_lots_lot_number", ErrorCode.DUPLICATE_LOT_NUMBER,
            "uq_rolls_barcode", ErrorCode.DUPLICATE_BARCODE,
            "uq_supply_requests_crm_id", ErrorCode.DUPLICATE_SUPPLY_REQUEST,
            "uq_reservations_live_deal", ErrorCode.DEAL_ALREADY_RESERVED);

    private DatabaseConstraints() {
    }

    static Optional<ApiException> translate(Throwable e) {
        Optional<PSQLException> psql = ProblemMappers.causeOfType(e, PSQLException.class);
        if (psql.isEmpty() || psql.get().getSQLState() == null) {
            return Optional.empty();
        }
        String state = psql.get().getSQLState();
        if (UNIQUE_VIOLATION.equals(state)) {
            return Optional.of(Optional.ofNullable(psql.get().getServerErrorMessage())
                    .map(ServerErrorMessage::getConstraint)
                    .map(UNIQUE_CONSTRAINTS::get)
                    .map(code -> new ApiException(code, code.title() + " (another request created it at the same time)"))
                    .orElseGet(() -> new ApiException(ErrorCode.CONCURRENT_MODIFICATION,
                            "Another request created the same record at the same time; retry")));
        }
        if (CHECK_VIOLATION.equals(state)) {
            // The database's own stock rules (reserved within meters, allocated within the promise): a last line
            // behind the services' checks, never a 500.
            return Optional.of(new ApiException(ErrorCode.STOCK_RULE_VIOLATED,
                    "The change would break a stock rule the database keeps; nothing was changed"));
        }
        if (DEADLOCK.equals(state) || SERIALIZATION_FAILURE.equals(state)) {
            return Optional.of(new ApiException(ErrorCode.CONCURRENT_MODIFICATION,
                    "The request collided with a concurrent change and was rolled back; retry it"));
        }
        if (state.startsWith(DATA_EXCEPTION_CLASS)) {
            // Values the contract does not bound tightly enough for a column: out of range, NUL characters, too long.
            return Optional.of(new ApiException(ErrorCode.VALIDATION_FAILED,
                    "A value is out of range or contains characters that cannot be stored"));
        }
        return Optional.empty();
    }
}
