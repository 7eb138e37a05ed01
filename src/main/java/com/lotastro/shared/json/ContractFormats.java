package com.lotastro.shared.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The contract's string formats, read strictly: RFC 3339 date-times and full dates with four-digit years from 1900
 * to 9999, and UUIDs in their canonical 8-4-4-4-12 form. Java's own parsers accept more (epoch seconds, years such
 * as {@code +275760}, {@code 1-1-1-1-1} as a UUID), which lets values in that we could not store or echo back in
 * a form our own schema allows. Body fields (Jackson) and parameters (JAX-RS) both read through here.
 */
public final class ContractFormats {
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9999;

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ContractFormats() {
    }

    public static OffsetDateTime dateTime(String text) {
        if (text == null || !DATE_TIME.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a date-time such as 2026-11-21T09:00:00Z");
        }
        try {
            return inRange(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a date-time such as 2026-11-21T09:00:00Z");
        }
    }

    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a date such as 2026-11-21");
        }
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            if (date.getYear() < MIN_YEAR) {
                throw new IllegalArgumentException(yearRange());
            }
            return date;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a date such as 2026-11-21");
        }
    }

    public static UUID uuid(String text) {
        if (text == null || !UUID_FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a UUID");
        }
        return UUID.fromString(text);
    }

    private static OffsetDateTime inRange(OffsetDateTime value) {
        // The year as written; in UTC it may still cross into 10000 or 1899 by a few hours, which is harmless.
        if (value.getYear() < MIN_YEAR) {
            throw new IllegalArgumentException(yearRange());
        }
        return value;
    }

    private static String yearRange() {
        return "must have a year from " + MIN_YEAR + " to " + MAX_YEAR;
    }
}
