package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The retry rule and the address rules, without starting the application. */
class RetryScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void shouldSpreadTheDefaultTenAttemptsOverAboutTwoAndAHalfDays() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10),
                Duration.ofHours(14), Duration.ofHours(20)), 0.2);
        assertThat(schedule.maxAttempts()).isEqualTo(10);
        assertThat(schedule.span()).isBetween(Duration.ofHours(60), Duration.ofHours(72));
        assertThat(schedule.nextAttemptAfter(10, NOW, new Random(1))).isNull();
    }

    @Test
    void shouldKeepEachPauseWithinItsJitter() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(100)), 0.2);
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            Instant next = schedule.nextAttemptAfter(1, NOW, random);
            assertThat(Duration.between(NOW, next)).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(120));
        }
        assertThat(schedule.nextAttemptAfter(0, NOW, random)).isEqualTo(NOW);
        assertThat(schedule.nextAttemptAfter(2, NOW, random)).isNull();
    }

    @Test
    void shouldSpreadRetriesThatFailedTogether() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofMinutes(5)), 0.2);
        Random random = new Random(7);
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> schedule.nextAttemptAfter(1, NOW, random)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void shouldRefuseAnEmptyScheduleOrAJitterOfAWholePause() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(), 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO), 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTellInternalAddressesFromPublicOnes() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1")) {
            assertThat(UrlGuard.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("8.8.8.8", "93.184.216.34", "2606:4700::1111")) {
            assertThat(UrlGuard.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void shouldMatchAddressesAgainstCidrs() throws Exception {
        assertThat(UrlGuard.inCidr(InetAddress.getByName("10.1.2.3"), "10.0.0.0/8")).isTrue();
        assertThat(UrlGuard.inCidr(InetAddress.getByName("11.1.2.3"), "10.0.0.0/8")).isFalse();
        assertThat(UrlGuard.inCidr(InetAddress.getByName("127.0.0.1"), "127.0.0.1/32")).isTrue();
        assertThat(UrlGuard.inCidr(InetAddress.getByName("::1"), "127.0.0.1/32")).isFalse();
        assertThat(UrlGuard.inCidr(InetAddress.getByName("fd00::5"), "fd00::/8")).isTrue();
        assertThat(UrlGuard.inCidr(InetAddress.getByName("10.1.2.3"), "10.0.0.0/99")).isFalse();
    }
}
