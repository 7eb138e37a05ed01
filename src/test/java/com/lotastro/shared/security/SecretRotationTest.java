package com.lotastro.shared.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRotationTest {

    private static final Instant ROTATED_UNTIL = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void thePreviousSecretStaysInEffectUntilItsOverlapEnds() {
        assertThat(SecretRotation.inEffect("whsec_new", "whsec_old", ROTATED_UNTIL, ROTATED_UNTIL.minusSeconds(1)))
                .containsExactly("whsec_new", "whsec_old");
        assertThat(SecretRotation.inEffect("whsec_new", "whsec_old", ROTATED_UNTIL, ROTATED_UNTIL)).containsExactly("whsec_new");
    }

    @Test
    void aSecretNeverRotatedIsTheOnlyOneInEffect() {
        assertThat(SecretRotation.inEffect("whsec_only", null, null, ROTATED_UNTIL)).containsExactly("whsec_only");
        assertThat(SecretRotation.inEffect("whsec_only", "whsec_old", null, ROTATED_UNTIL)).containsExactly("whsec_only");
    }
}
