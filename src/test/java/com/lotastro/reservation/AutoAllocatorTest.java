package com.lotastro.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.lotastro.reservation.AutoAllocator.Choice;
import com.lotastro.reservation.AutoAllocator.LotStock;
import com.lotastro.reservation.AutoAllocator.RollStock;
import com.lotastro.reservation.AutoAllocator.Rule;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The roll-picking rules on their own, without the framework. */
class AutoAllocatorTest {
    private final AutoAllocator allocator = new AutoAllocator(new BigDecimal("5"));

    private static LotStock lot(double... rolls) {
        return new LotStock(UUID.randomUUID(), java.util.Arrays.stream(rolls)
                .mapToObj(m -> new RollStock(UUID.randomUUID(), BigDecimal.valueOf(m))).toList());
    }

    private static BigDecimal m(double meters) {
        return BigDecimal.valueOf(meters);
    }

    @Test
    void takesAnExactRollFirst() {
        LotStock lot = lot(40, 25, 60);
        List<Choice> choices = allocator.choose(m(25), List.of(lot)).orElseThrow();
        assertThat(choices).singleElement().satisfies(c -> {
            assertThat(c.rollId()).isEqualTo(lot.rolls().get(1).rollId());
            assertThat(c.rule()).isEqualTo(Rule.SINGLE_LOT);
        });
    }

    @Test
    void prefersAnotherSingleLotWhenTheOldestWouldLeaveAShortRemnant() {
        LotStock oldest = lot(52);
        LotStock newer = lot(70);
        List<Choice> choices = allocator.choose(m(50), List.of(oldest, newer)).orElseThrow();
        assertThat(choices).singleElement().satisfies(c -> assertThat(c.lotId()).isEqualTo(newer.lotId()));
    }

    @Test
    void acceptsAShortRemnantWhenNothingAvoidsIt() {
        List<Choice> choices = allocator.choose(m(50), List.of(lot(52))).orElseThrow();
        assertThat(choices).singleElement().satisfies(c -> assertThat(c.rule()).isEqualTo(Rule.SHORT_REMNANT_UNAVOIDABLE));
    }

    @Test
    void usesWholeRollsBeforeCuttingOne() {
        LotStock lot = lot(30, 30, 30);
        List<Choice> choices = allocator.choose(m(70), List.of(lot)).orElseThrow();
        assertThat(choices).extracting(Choice::meters).containsExactly(m(30), m(30), m(10));
    }

    @Test
    void findsNothingWhenAllLotsTogetherAreShort() {
        assertThat(allocator.choose(m(100), List.of(lot(40), lot(50)))).isEmpty();
    }
}
