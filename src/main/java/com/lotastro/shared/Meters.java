package com.lotastro.shared;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Meters are exact decimals with at most two places; anything finer is refused, never rounded. */
public final class Meters {
    public static final int SCALE = 2;

    private Meters() {
    }

    public static Optional<FieldError> checkScale(String field, BigDecimal meters) {
        if (meters != null && meters.stripTrailingZeros().scale() > SCALE) {
            return Optional.of(new FieldError(field, "must have at most 2 decimal places"));
        }
        return Optional.empty();
    }

    /** Refuses (422) a value with more than two decimal places. */
    public static void requireScale(String field, BigDecimal meters) {
        checkScale(field, meters).ifPresent(error -> {
            throw ApiException.invalid(List.of(error));
        });
    }

    public static BigDecimal of(BigDecimal meters) {
        return meters.setScale(SCALE);
    }
}
