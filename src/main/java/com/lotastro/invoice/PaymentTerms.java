package com.lotastro.invoice;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a customer's payment terms as the CRM writes them ({@code NET30}, {@code Net 45}, {@code net 30 days}). */
public final class PaymentTerms {
    private static final Pattern NET = Pattern.compile("(?i)^\\s*net\\s*-?\\s*(\\d{1,3})(\\s*days?)?\\s*$");
    private static final Pattern ON_RECEIPT = Pattern.compile("(?i)^\\s*(due on receipt|cod|cash on delivery|prepaid|net\\s*0)\\s*$");

    private PaymentTerms() {
    }

    /** The due date the terms give for an invoice issued on {@code issueDate}, when the terms can be read. */
    public static Optional<LocalDate> dueDate(String terms, LocalDate issueDate) {
        if (terms == null) {
            return Optional.empty();
        }
        if (ON_RECEIPT.matcher(terms).matches()) {
            return Optional.of(issueDate);
        }
        Matcher net = NET.matcher(terms);
        if (net.matches()) {
            return Optional.of(issueDate.plusDays(Integer.parseInt(net.group(1))));
        }
        return Optional.empty();
    }
}
