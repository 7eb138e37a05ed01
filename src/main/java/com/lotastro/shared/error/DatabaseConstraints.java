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

    private static final Map<String, ErrorCode> UNIQUE_CONSTRAINTS = Map.of(
            "uq_catalog_items_codes", ErrorCode.DUPLICATE_CATALOG_ITEM,
            "uq_lots_lot_number", ErrorCode.DUPLICATE_LOT_NUMBER,
            "uq_rolls_barcode", ErrorCode.DUPLICATE_BARCODE,
            "uq_supply_requests_crm_id", ErrorCode.DUPLICATE_SUPPLY_REQUEST);

    private DatabaseConstraints() {
    }

    static Optional<ApiException> translate(Throwable e) {
        return ProblemMappers.causeOfType(e, PSQLException.class)
                .filter(psql -> UNIQUE_VIOLATION.equals(psql.getSQLState()))
                .map(PSQLException::getServerErrorMessage)
                .map(ServerErrorMessage::getConstraint)
                .map(UNIQUE_CONSTRAINTS::get)
                .map(code -> new ApiException(code, code.title() + " (another request created it at the same time)"));
    }
}
