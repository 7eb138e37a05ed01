package com.lotastro.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

@ConfigMapping(prefix = "lotastro.orders")
public interface OrderConfig {
    /** How far (in percent of the ordered meters) a measured cut may differ from what the roll held for the order. */
    @WithDefault("2")
    BigDecimal pickTolerancePercent();
}
