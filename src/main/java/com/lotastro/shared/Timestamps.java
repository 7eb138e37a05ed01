package com.lotastro.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants as PostgreSQL stores them (microseconds), so cursors built from them round-trip exactly. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** An instant from outside as PostgreSQL will store it: rounded to the microsecond, as the server rounds. */
    public static Instant asStored(Instant instant) {
        return instant == null ? null : Instant.ofEpochSecond(instant.getEpochSecond(), (instant.getNano() + 500) / 1000 * 1000L);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime dateTime) {
        return dateTime == null ? null : dateTime.toInstant();
    }
}
