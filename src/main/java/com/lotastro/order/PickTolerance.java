package com.lotastro.order;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A measured cut is accepted when it differs from the ordered meters by at most the tolerance (a percentage). */
public record PickTolerance(BigDecimal percent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PickTolerance {
        if (percent == null || percent.signum() < 0) {
            throw new IllegalArgumentException("The pick tolerance must be zero or more percent, not " + percent);
        }
    }

    /** Exact: |picked − ordered| × 100 ≤ ordered × percent, no rounding. */
    public boolean allows(BigDecimal ordered, BigDecimal picked) {
        return picked.subtract(ordered).abs().multiply(HUNDRED).compareTo(ordered.multiply(percent)) <= 0;
    }

    /** The shortest cut accepted, in whole centimeters. */
    public BigDecimal minimum(BigDecimal ordered) {
        return ordered.subtract(margin(ordered)).setScale(2, RoundingMode.CEILING).max(BigDecimal.ZERO.setScale(2));
    }

    /** The longest cut accepted, in whole centimeters. */
    public BigDecimal maximum(BigDecimal ordered) {
        return ordered.add(margin(ordered)).setScale(2, RoundingMode.FLOOR);
    }

    private BigDecimal margin(BigDecimal ordered) {
        return ordered.multiply(percent).divide(HUNDRED, 6, RoundingMode.DOWN);
    }
}
