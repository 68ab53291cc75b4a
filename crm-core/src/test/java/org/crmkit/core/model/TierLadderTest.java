package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierLadderTest {
    private static final Tier STRATEGIC = Tier.of("strategic");
    private static final Tier CORE = Tier.of("core");
    private static final Tier IMPORTANT = Tier.of("important");
    private static final Tier GOLD = Tier.of("gold");
    private static final TierLadder LADDER = TierLadder.of(STRATEGIC, CORE, IMPORTANT);

    private static Optional<Tier> tier(String name) {
        return name.equals("none") ? Optional.empty() : Optional.of(Tier.of(name));
    }

    @ParameterizedTest
    @CsvSource({
        "strategic, 0",
        "core,      1",
        "important, 2",
        "none,      3",
    })
    void ranksTiersHighestFirstWithNoTierLast(String name, int rank) {
        assertThat(LADDER.rank(tier(name))).isEqualTo(rank);
    }

    @ParameterizedTest
    @CsvSource({
        "strategic, core",
        "core,      important",
        "important, none",
    })
    void belowIsTheNextTierDownOrNoTier(String name, String next) {
        assertThat(LADDER.below(Tier.of(name))).isEqualTo(tier(next));
    }

    @ParameterizedTest
    @CsvSource({
        "strategic, core,      1",
        "core,      strategic, -1",
        "core,      core,      0",
        "strategic, important, 1",
        "important, none,      1",
        "none,      important, -1",
        "none,      none,      0",
        "none,      strategic, -1",
    })
    void comparesByRankWithNoTierBelowEveryTier(String a, String b, int sign) {
        assertThat(Integer.signum(LADDER.compare(tier(a), tier(b)))).isEqualTo(sign);
    }

    @Test
    void containsOnlyItsOwnTiers() {
        assertThat(LADDER.contains(CORE)).isTrue();
        assertThat(LADDER.contains(GOLD)).isFalse();
    }

    @Test
    void ranksMapsEveryTierToItsPosition() {
        assertThat(LADDER.ranks()).isEqualTo(Map.of(STRATEGIC, 0, CORE, 1, IMPORTANT, 2));
    }

    @Test
    void rejectsARepeatedTier() {
        assertThatThrownBy(() -> TierLadder.of(CORE, IMPORTANT, CORE))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("TierLadder must not repeat a tier, was [core, important, core]");
    }

    @Test
    void unknownTierNamesTheLadder() {
        String message = "Unknown tier 'gold', expected one of [strategic, core, important]";

        assertThatThrownBy(() -> LADDER.rank(Optional.of(GOLD)))
                .isExactlyInstanceOf(InvalidValueException.class).hasMessage(message);
        assertThatThrownBy(() -> LADDER.below(GOLD))
                .isExactlyInstanceOf(InvalidValueException.class).hasMessage(message);
        assertThatThrownBy(() -> LADDER.compare(Optional.of(CORE), Optional.of(GOLD)))
                .isExactlyInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void emptyLadderKnowsOnlyNoTier() {
        TierLadder empty = TierLadder.of();

        assertThat(empty.rank(Optional.empty())).isZero();
        assertThat(empty.ranks()).isEmpty();
        assertThatThrownBy(() -> empty.rank(Optional.of(CORE)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown tier 'core', expected one of []");
    }

    @Test
    void keepsItsOwnUnmodifiableCopyOfTheTiers() {
        List<Tier> tiers = new ArrayList<>(List.of(CORE, IMPORTANT));
        TierLadder ladder = new TierLadder(tiers);

        tiers.add(0, STRATEGIC);

        assertThat(ladder.tiers()).containsExactly(CORE, IMPORTANT);
        assertThat(ladder.rank(Optional.of(CORE))).isZero();
        assertThatThrownBy(() -> ladder.tiers().add(GOLD)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new TierLadder(null)).isInstanceOf(NullPointerException.class).hasMessage("tiers");
        assertThatThrownBy(() -> LADDER.contains(null)).isInstanceOf(NullPointerException.class).hasMessage("tier");
    }
}
