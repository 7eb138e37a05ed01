package com.lotastro.reservation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test stand-in for {@link ReservationService}: making a reservation for an armed CRM deal fails once, right after the
 * reservation was written and before its answer is built, so a test can make the answer fail after the change.
 * Inert unless a test arms a deal.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FailingReservationAnswers extends ReservationService {
    private static final Set<UUID> ARMED = ConcurrentHashMap.newKeySet();

    /** The next reservation made for this CRM deal fails once it is written. */
    public static void failNextReadOf(UUID crmDealId) {
        ARMED.add(crmDealId);
    }

    @Override
    public Reservation create(NewReservation command) {
        Reservation reservation = super.create(command);
        if (ARMED.remove(reservation.crmDealId)) {
            throw new IllegalStateException("Injected failure while answering for reservation " + reservation.id);
        }
        return reservation;
    }
}
