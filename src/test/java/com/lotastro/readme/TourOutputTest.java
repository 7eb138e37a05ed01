package com.lotastro.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the tour check compares what a block printed with the README's "prints" block. */
class TourOutputTest {

    @Test
    void shouldAcceptOnlyTheSameLinesWithNumbersWrittenEitherWay() {
        assertThat(ReadmeTourIT.sameOutput("{\"meters\":52.5,\"after\":50}", "{\"meters\":52.50,\"after\":50.00}")).isTrue();
        assertThat(ReadmeTourIT.sameOutput("204\n[\"R-1\"]", "204\n[\"R-1\"]")).isTrue();
        assertThat(ReadmeTourIT.sameOutput("{\"meters\":52.5}", "{\"meters\":52.4}")).isFalse();
        assertThat(ReadmeTourIT.sameOutput("{\"meters\":52.5}", "{\"meters\":\"52.5\"}")).isFalse();
        assertThat(ReadmeTourIT.sameOutput("{\"a\":1,\"b\":2}", "{\"a\":1}")).isFalse();
        assertThat(ReadmeTourIT.sameOutput("204", "204\n404")).isFalse();
        assertThat(ReadmeTourIT.sameOutput("Idempotent-Replayed: true", "Idempotent-Replayed: false")).isFalse();
    }
}
