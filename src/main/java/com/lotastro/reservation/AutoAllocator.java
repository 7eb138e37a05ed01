package com.lotastro.reservation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Picks rolls for one line, in this order of preference: a single lot when any lot can fill the line (dye-lot
 * consistency); otherwise as few lots as possible, oldest first; and never a remnant shorter than the minimum on a
 * roll when another choice avoids it. Pure: the caller supplies the free meters and applies the result.
 */
public final class AutoAllocator {
    public enum Rule {
        SINGLE_LOT("single_lot"), FEWEST_LOTS("fewest_lots"), NO_SHORT_REMNANT("no_short_remnant"),
        SHORT_REMNANT_UNAVOIDABLE("short_remnant_unavoidable");

        private final String value;

        Rule(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public record RollStock(UUID rollId, BigDecimal free) {
    }

    /** A lot's rolls with free meters; lots are given oldest first. */
    public record LotStock(UUID lotId, List<RollStock> rolls) {
        BigDecimal free() {
            return rolls.stream().map(RollStock::free).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record Choice(UUID lotId, UUID rollId, BigDecimal meters, Rule rule) {
    }

    private record LotPick(List<Choice> choices, boolean shortRemnant) {
    }

    private final BigDecimal minRemnant;

    public AutoAllocator(BigDecimal minRemnant) {
        this.minRemnant = minRemnant;
    }

    /** The rolls to take for {@code meters}, or empty when all lots together cannot fill it. */
    public Optional<List<Choice>> choose(BigDecimal meters, List<LotStock> oldestFirst) {
        List<LotStock> single = oldestFirst.stream().filter(lot -> lot.free().compareTo(meters) >= 0).toList();
        if (!single.isEmpty()) {
            List<LotPick> picks = single.stream().map(lot -> pickWithin(lot, meters, Rule.SINGLE_LOT)).toList();
            return Optional.of(picks.stream().filter(p -> !p.shortRemnant()).findFirst().orElse(picks.get(0)).choices());
        }
        // No lot alone can: the fewest lots, largest first (oldest first among equals), whole lots but the last.
        List<LotStock> bySize = new ArrayList<>(oldestFirst);
        bySize.sort(Comparator.comparing(LotStock::free).reversed());
        List<Choice> choices = new ArrayList<>();
        BigDecimal remaining = meters;
        for (LotStock lot : bySize) {
            if (remaining.signum() == 0) {
                break;
            }
            if (lot.free().compareTo(remaining) <= 0) {
                lot.rolls().stream().filter(r -> r.free().signum() > 0)
                        .forEach(r -> choices.add(new Choice(lot.lotId(), r.rollId(), r.free(), Rule.FEWEST_LOTS)));
                remaining = remaining.subtract(lot.free());
            } else {
                choices.addAll(pickWithin(lot, remaining, Rule.FEWEST_LOTS).choices());
                remaining = BigDecimal.ZERO;
            }
        }
        return remaining.signum() == 0 ? Optional.of(choices) : Optional.empty();
    }

    /** Within one lot: an exact roll, else whole rolls largest first, then one roll cut so its remnant is not short. */
    private LotPick pickWithin(LotStock lot, BigDecimal meters, Rule rule) {
        List<RollStock> free = new ArrayList<>(lot.rolls().stream().filter(r -> r.free().signum() > 0).toList());
        Optional<RollStock> exact = free.stream().filter(r -> r.free().compareTo(meters) == 0).findFirst();
        if (exact.isPresent()) {
            return new LotPick(List.of(new Choice(lot.lotId(), exact.get().rollId(), meters, rule)), false);
        }
        List<Choice> choices = new ArrayList<>();
        BigDecimal remaining = meters;
        free.sort(Comparator.comparing(RollStock::free).reversed());
        for (RollStock roll : List.copyOf(free)) {
            if (roll.free().compareTo(remaining) <= 0 && remaining.signum() > 0) {
                choices.add(new Choice(lot.lotId(), roll.rollId(), roll.free(), rule));
                remaining = remaining.subtract(roll.free());
                free.remove(roll);
            }
        }
        if (remaining.signum() == 0) {
            return new LotPick(choices, false);
        }
        BigDecimal cut = remaining;
        List<RollStock> larger = free.stream().filter(r -> r.free().compareTo(cut) > 0)
                .sorted(Comparator.comparing(RollStock::free)).toList();
        Optional<RollStock> clean = larger.stream().filter(r -> r.free().subtract(cut).compareTo(minRemnant) >= 0).findFirst();
        boolean anyShort = larger.stream().anyMatch(r -> r.free().subtract(cut).compareTo(minRemnant) < 0);
        if (clean.isPresent()) {
            choices.add(new Choice(lot.lotId(), clean.get().rollId(), cut, anyShort ? Rule.NO_SHORT_REMNANT : rule));
            return new LotPick(choices, false);
        }
        RollStock least = larger.get(0);
        choices.add(new Choice(lot.lotId(), least.rollId(), cut, Rule.SHORT_REMNANT_UNAVOIDABLE));
        return new LotPick(choices, true);
    }
}
