package com.lotastro.order;

import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** Position in the staging queue: (immediate first, ship date, created_at, id), which never changes for an order. */
public record StagingCursor(int rank, LocalDate shipDate, Instant createdAt, UUID id) {
    /** Orders without a ship date come after every dated one. */
    static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);

    static StagingCursor of(PurchaseOrder order) {
        return new StagingCursor(order.shipIntent == ShipIntent.IMMEDIATE ? 0 : 1,
                order.shipDate == null ? NO_DATE : order.shipDate, order.createdAt, order.id);
    }

    String encode() {
        String raw = "q:" + rank + ":" + shipDate.toEpochDay() + ":" + ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static StagingCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length != 5 || !parts[0].equals("q")) {
                throw new IllegalArgumentException("not a staging queue cursor");
            }
            return new StagingCursor(Integer.parseInt(parts[1]), LocalDate.ofEpochDay(Long.parseLong(parts[2])),
                    Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS), UUID.fromString(parts[4]));
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.INVALID_CURSOR, "cursor is not a next_cursor of the staging queue");
        }
    }
}
