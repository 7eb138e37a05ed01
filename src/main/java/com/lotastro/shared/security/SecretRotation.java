package com.lotastro.shared.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for a rotated signing secret (CRM connection, webhook endpoints, payment providers): after a rotation
 * the previous secret stays in effect until its overlap ends, so that events signed or in flight before the rotation
 * are neither refused nor unverifiable.
 */
public final class SecretRotation {

    private SecretRotation() {
    }

    /** The secrets in effect at {@code now}: the current one, then the previous one while its overlap lasts. */
    public static List<String> inEffect(String current, String previous, Instant previousValidUntil, Instant now) {
        List<String> secrets = new ArrayList<>(List.of(current));
        if (previous != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
            secrets.add(previous);
        }
        return secrets;
    }
}
