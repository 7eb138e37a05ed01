package com.lotastro.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "lotastro.payment-providers")
public interface PaymentProviderConfig {
    /** How long a rotated-out webhook secret of a payment provider is still accepted. */
    @WithDefault("PT24H")
    Duration secretRotationOverlap();
}
