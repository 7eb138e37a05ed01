package com.lotastro.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lotastro.catalog.CatalogItem;
import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules a reservation and its lines keep, on their own, without the framework or a database. */
class ReservationRulesTest {
    private final CatalogItem item = new CatalogItem();
    private Reservation reservation;

    private static BigDecimal m(String meters) {
        return new BigDecimal(meters).setScale(2);
    }

    @BeforeEach
    void setUp() {
        item.id = UUID.randomUUID();
        reservation = new Reservation();
        reservation.id = UUID.randomUUID();
        reservation.organizationId = UUID.randomUUID();
        reservation.status = Status.ACTIVE;
    }

    private ReservationLine line(String meters) {
        return reservation.addLine(item, UUID.randomUUID(), m(meters), null, null, Instant.now());
    }

    private static void bind(ReservationLine line, String meters) {
        RollAllocation allocation = new RollAllocation();
        allocation.meters = m(meters);
        allocation.position = line.allocations.size();
        line.allocations.add(allocation);
        line.allocatedMeters = line.allocatedMeters.add(m(meters));
    }

    @Test
    void linesKeepTheOrderTheyWereAddedIn() {
        ReservationLine first = line("10");
        ReservationLine second = line("20");
        assertThat(first.position).isZero();
        assertThat(second.position).isEqualTo(1);
        assertThat(reservation.linesNewestFirst()).containsExactly(second, first);
    }

    @Test
    void theAllocationStateFollowsTheLines() {
        ReservationLine first = line("10");
        ReservationLine second = line("20");
        reservation.settleAllocationState();
        assertThat(reservation.allocationState).isEqualTo(AllocationState.UNALLOCATED);

        bind(first, "10");
        reservation.settleAllocationState();
        assertThat(reservation.allocationState).isEqualTo(AllocationState.PARTIALLY_ALLOCATED);

        bind(second, "20");
        reservation.settleAllocationState();
        assertThat(reservation.allocationState).isEqualTo(AllocationState.ALLOCATED);
        assertThat(reservation.promisedMeters()).isEqualByComparingTo("30");
        assertThat(reservation.allocatedMeters()).isEqualByComparingTo("30");
    }

    @Test
    void anExpiredHoldReleasesOnlyWhatNothingWasBoundOrPlannedFor() {
        ReservationLine only = line("60");
        reservation.holdUntil = Instant.parse("2026-01-01T00:00:00Z");
        reservation.settleAllocationState();
        Instant later = Instant.parse("2026-02-01T00:00:00Z");
        assertThat(reservation.holdExpired(later)).isTrue();

        bind(only, "30");
        reservation.settleAllocationState();
        assertThat(reservation.holdExpired(later)).isFalse();
    }

    @Test
    void aShortPlanBlocksForADecisionAndAFullOneWaitsForRollEntry() {
        ReservationLine only = line("100");
        only.plannedMeters = m("60");
        reservation.settleAfterPlan(item.id);
        assertThat(reservation.allocationState).isEqualTo(AllocationState.PLANNED);
        assertThat(reservation.actionRequiredReason).isEqualTo(ActionReason.NEEDS_SHORTAGE_DECISION);

        reservation.fulfilPartially(item.id);
        assertThat(only.meters).isEqualByComparingTo("60");
        assertThat(reservation.actionRequiredReason).isEqualTo(ActionReason.NEEDS_ROLL_ENTRY);
    }

    @Test
    void aDelayUndoesThePlanAndWaitsForAnother() {
        ReservationLine only = line("100");
        only.plannedMeters = m("60");
        reservation.plannedSupplyRequestId = UUID.randomUUID();
        reservation.delay(LocalDate.of(2027, 2, 1));
        assertThat(only.plannedMeters).isZero();
        assertThat(reservation.plannedSupplyRequestId).isNull();
        assertThat(reservation.allocationState).isEqualTo(AllocationState.UNALLOCATED);
        assertThat(reservation.actionRequiredReason).isEqualTo(ActionReason.NEEDS_ALLOCATION_PLAN);
        assertThat(reservation.expectedDate).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void partialFulfilmentNeedsSomethingPlanned() {
        line("100");
        assertThatThrownBy(() -> reservation.fulfilPartially(item.id)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void plannedMetersMoveBetweenTwoLinesOnlyWithinWhatEachNeeds() {
        ReservationLine from = line("100");
        ReservationLine to = line("50");
        from.plannedMeters = m("80");
        to.plannedMeters = m("20");

        from.movePlannedTo(to, m("30"));
        assertThat(from.plannedMeters).isEqualByComparingTo("50");
        assertThat(to.plannedMeters).isEqualByComparingTo("50");

        assertThatThrownBy(() -> from.movePlannedTo(from, m("10"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> from.movePlannedTo(to, m("1"))).hasMessageContaining("more than the target line needs");
        assertThatThrownBy(() -> to.movePlannedTo(from, m("51"))).hasMessageContaining("exceeds");
    }

    @Test
    void aLossLeavesMetersUnbackedAndPartialFulfilmentDropsThem() {
        ReservationLine only = line("10");
        bind(only, "2");
        assertThat(only.backedOutstanding()).isEqualByComparingTo("8");
        assertThatThrownBy(() -> only.markUnbacked(m("9"))).isInstanceOf(IllegalArgumentException.class);

        only.markUnbacked(m("5"));
        assertThat(only.backedOutstanding()).isEqualByComparingTo("3");
        assertThat(reservation.unbackedMeters()).isEqualByComparingTo("5");

        reservation.dropUnbacked();
        assertThat(only.meters).isEqualByComparingTo("5");
        assertThat(only.unbackedMeters).isZero();
        assertThat(reservation.actionRequiredReason).isNull();
        assertThatThrownBy(reservation::dropUnbacked).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCutFromTheCrmGivesBackUnbackedMetersFirst() {
        ReservationLine only = line("10");
        only.markUnbacked(m("4"));
        only.resize(m("7"));
        assertThat(only.unbackedMeters).isEqualByComparingTo("1");
        only.resize(m("2"));
        assertThat(only.unbackedMeters).isZero();
        assertThat(only.meters).isEqualByComparingTo("2");
    }
}
