package com.lotastro.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The pick tolerance rule, without starting the application. */
class PickToleranceTest {
    private final PickTolerance twoPercent = new PickTolerance(new BigDecimal("2"));

    @Test
    void shouldAcceptCutsUpToTheToleranceExactlyAndNoFurther() {
        BigDecimal ordered = new BigDecimal("50.00");
        assertThat(twoPercent.allows(ordered, new BigDecimal("51.00"))).isTrue();
        assertThat(twoPercent.allows(ordered, new BigDecimal("49.00"))).isTrue();
        assertThat(twoPercent.allows(ordered, new BigDecimal("51.01"))).isFalse();
        assertThat(twoPercent.allows(ordered, new BigDecimal("48.99"))).isFalse();
        assertThat(twoPercent.minimum(ordered)).isEqualByComparingTo("49.00");
        assertThat(twoPercent.maximum(ordered)).isEqualByComparingTo("51.00");
    }

    @Test
    void shouldRoundTheBoundsInwardsToWholeCentimeters() {
        BigDecimal ordered = new BigDecimal("33.33");
        assertThat(twoPercent.maximum(ordered)).isEqualByComparingTo("33.99");
        assertThat(twoPercent.minimum(ordered)).isEqualByComparingTo("32.67");
        assertThat(twoPercent.allows(ordered, twoPercent.maximum(ordered))).isTrue();
        assertThat(twoPercent.allows(ordered, twoPercent.minimum(ordered))).isTrue();
    }

    @Test
    void shouldAcceptOnlyTheExactCutWithZeroToleranceAndRefuseANegativeOne() {
        PickTolerance exact = new PickTolerance(BigDecimal.ZERO);
        assertThat(exact.allows(new BigDecimal("10"), new BigDecimal("10.00"))).isTrue();
        assertThat(exact.allows(new BigDecimal("10"), new BigDecimal("10.01"))).isFalse();
        assertThatThrownBy(() -> new PickTolerance(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
