package com.lotastro.shared.paging;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.json.ContractFormats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** Position after the last row of a page: lists are ordered by (created_at, id), which never changes for a row. */
public record Cursor(Instant createdAt, UUID id) {
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String raw = micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            long micros = Long.parseLong(raw.substring(0, colon));
            Instant createdAt = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
                // Only a forged cursor points outside the years a row can have been created in (and PostgreSQL's range).
                throw new IllegalArgumentException("cursor instant out of range");
            }
            return new Cursor(createdAt, ContractFormats.uuid(raw.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.INVALID_CURSOR, "cursor is not a next_cursor this API returned");
        }
    }
}
