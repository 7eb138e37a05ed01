package com.lotastro.reservation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test stand-in for {@link ReservationService}: reading a reservation of an armed CRM deal fails once. The read is the
 * step that builds the answer after the reservation was made, so a test can make the answer fail after the change.
 * Inert unless a test arms a deal.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FailingReservationReads extends ReservationService {
    private static final Set<UUID> ARMED = ConcurrentHashMap.newKeySet();

    /** The next read of a reservation for this CRM deal throws. */
    public static void failNextReadOf(UUID crmDealId) {
        ARMED.add(crmDealId);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Reservation get(UUID id) {
        Reservation reservation = super.get(id);
        if (ARMED.remove(reservation.crmDealId)) {
            throw new IllegalStateException("Injected failure while answering for reservation " + id);
        }
        return reservation;
    }
}
