package com.lotastro.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

/** Money rules: two decimals, half-up, per line; totals are sums of rounded lines; ISO 4217 currencies only. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /** The largest amount a money column (NUMERIC(14,2)) holds. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code percent} % of {@code amount}, exact (not rounded). */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED);
    }

    public static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> amount) {
        return items.stream().map(amount).reduce(ZERO, BigDecimal::add);
    }

    /** Whether the code is an ISO 4217 currency this runtime knows (e.g. EUR, TRY, USD). */
    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("^[A-Z]{3}$")) {
            return false;
        }
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }
}
