package com.lotastro.invoice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The organization that issues invoices, as printed on them (LOTASTRO_SELLER_NAME, _ADDRESS, _TAX_OFFICE, ...). */
@ConfigMapping(prefix = "lotastro.seller")
public interface SellerConfig {
    @WithDefault("LotAstro Tekstil A.Ş.")
    String name();

    @WithDefault("Organize Sanayi Bölgesi, Bursa, Türkiye")
    String address();

    @WithDefault("Nilüfer")
    String taxOffice();

    @WithDefault("0000000000")
    String taxNumber();

    Optional<String> email();

    Optional<String> iban();
}
