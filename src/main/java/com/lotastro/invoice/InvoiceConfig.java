package com.lotastro.invoice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "lotastro.invoices")
public interface InvoiceConfig {
    /** The tax rate (percent) of a line that names none, e.g. 20 for Turkish VAT. */
    @WithDefault("20")
    BigDecimal defaultTaxRate();

    /** The zone whose calendar gives issue dates, due dates and what is overdue. */
    @WithDefault("UTC")
    ZoneId zone();

    /** Who is emailed when an invoice becomes overdue (comma-separated). */
    Optional<List<String>> accountingEmail();
}
