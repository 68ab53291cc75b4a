package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.TierAssignments;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TierAssignments} implementation must show. An adapter's test extends
 * this class and implements {@link #newTierAssignments()}; test methods are public so that
 * subclasses in other packages inherit them.
 */
public abstract class TierAssignmentsContract {
    private static final CustomerId ACME = CustomerId.of("c-1");
    private static final CustomerId OTHER = CustomerId.of("c-2");
    private static final PolicyRef POLICY = PolicyRef.of("standard", "2026.1");
    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 31);
    private static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 28);
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 31);

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract TierAssignments newTierAssignments();

    private static TierAssignment assignment(CustomerId customer, String tier, LocalDate asOf) {
        return new TierAssignment(customer, Optional.of(Tier.of(tier)), asOf, POLICY, 0,
                asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    @Test
    public void knowsNothingOfACustomerNeverEvaluated() {
        TierAssignments assignments = newTierAssignments();
        assignments.record(assignment(OTHER, "core", JANUARY));

        assertThat(assignments.current(ACME)).isEmpty();
        assertThat(assignments.latestBefore(ACME, MARCH)).isEmpty();
        assertThat(assignments.history(ACME)).isEmpty();
    }

    @Test
    public void roundTripsEveryField() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment full = new TierAssignment(ACME, Optional.of(Tier.of("核心")), MARCH,
                PolicyRef.of("key-accounts", "2026.1-rc2"), 2, Instant.parse("2026-04-01T02:03:04.123456789Z"));

        assignments.record(full);

        TierAssignment found = assignments.current(ACME).orElseThrow();
        assertThat(found).isEqualTo(full);
        assertThat(found.tier()).contains(Tier.of("核心"));
        assertThat(found.policy()).isEqualTo(PolicyRef.of("key-accounts", "2026.1-rc2"));
        assertThat(found.evaluationsBelow()).isEqualTo(2);
        assertThat(found.recordedAt()).isEqualTo(Instant.parse("2026-04-01T02:03:04.123456789Z"));
    }

    @Test
    public void roundTripsNoTier() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment none = new TierAssignment(ACME, Optional.empty(), MARCH, POLICY, 0,
                Instant.parse("2026-04-01T00:00:00Z"));

        assignments.record(none);

        assertThat(assignments.current(ACME)).contains(none);
        assertThat(assignments.current(ACME).orElseThrow().tier()).isEmpty();
    }

    @Test
    public void currentIsTheAssignmentWithTheLatestAsOfDay() {
        TierAssignments assignments = newTierAssignments();
        assignments.record(assignment(ACME, "core", JANUARY));
        assignments.record(assignment(ACME, "important", FEBRUARY));
        TierAssignment march = assignment(ACME, "general", MARCH);
        assignments.record(march);

        assertThat(assignments.current(ACME)).contains(march);
    }

    @Test
    public void historyListsTheOldestAsOfDayFirst() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment january = assignment(ACME, "core", JANUARY);
        TierAssignment february = assignment(ACME, "important", FEBRUARY);
        TierAssignment march = assignment(ACME, "general", MARCH);
        assignments.record(january);
        assignments.record(february);
        assignments.record(march);

        assertThat(assignments.history(ACME)).containsExactly(january, february, march);
    }

    @Test
    public void latestBeforeIsStrictlyBeforeTheDay() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment january = assignment(ACME, "core", JANUARY);
        TierAssignment february = assignment(ACME, "important", FEBRUARY);
        assignments.record(january);
        assignments.record(february);

        assertThat(assignments.latestBefore(ACME, FEBRUARY)).contains(january);
        assertThat(assignments.latestBefore(ACME, FEBRUARY.plusDays(1))).contains(february);
        assertThat(assignments.latestBefore(ACME, MARCH)).contains(february);
        assertThat(assignments.latestBefore(ACME, JANUARY.plusDays(1))).contains(january);
        assertThat(assignments.latestBefore(ACME, JANUARY)).isEmpty();
        assertThat(assignments.latestBefore(ACME, LocalDate.of(2000, 1, 1))).isEmpty();
    }

    @Test
    public void anAssignmentForTheCurrentAsOfDayReplacesIt() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment january = assignment(ACME, "core", JANUARY);
        assignments.record(january);
        assignments.record(assignment(ACME, "core", FEBRUARY));
        TierAssignment rerun = new TierAssignment(ACME, Optional.of(Tier.of("important")), FEBRUARY,
                PolicyRef.of("standard", "2026.2"), 1, Instant.parse("2026-03-02T08:00:00Z"));

        assignments.record(rerun);

        assertThat(assignments.history(ACME)).containsExactly(january, rerun);
        assertThat(assignments.current(ACME)).contains(rerun);
        assertThat(assignments.latestBefore(ACME, MARCH)).contains(rerun);
    }

    @Test
    public void recordingTheSameAssignmentAgainIsHarmless() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment january = assignment(ACME, "core", JANUARY);
        assignments.record(january);

        assignments.record(january);

        assertThat(assignments.history(ACME)).containsExactly(january);
    }

    @Test
    public void rejectsAnAssignmentOlderThanTheCurrentOne() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment january = assignment(ACME, "core", JANUARY);
        TierAssignment march = assignment(ACME, "important", MARCH);
        assignments.record(january);
        assignments.record(march);

        assertThatThrownBy(() -> assignments.record(assignment(ACME, "general", FEBRUARY)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Tier assignment of customer 'c-1' as of 2026-02-28 is older than the stored one"
                        + " as of 2026-03-31");
        assertThat(assignments.history(ACME)).containsExactly(january, march);
    }

    @Test
    public void rejectsAReplacementOfAnOlderAsOfDay() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment january = assignment(ACME, "core", JANUARY);
        TierAssignment february = assignment(ACME, "core", FEBRUARY);
        assignments.record(january);
        assignments.record(february);

        assertThatThrownBy(() -> assignments.record(assignment(ACME, "important", JANUARY)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Tier assignment of customer 'c-1' as of 2026-01-31 is older than the stored one"
                        + " as of 2026-02-28");
        assertThat(assignments.history(ACME)).containsExactly(january, february);
    }

    @Test
    public void recordsAnAssignmentDecidedAgainstTheCurrentOneAsRead() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment january = assignment(ACME, "core", JANUARY);
        assignments.record(january, Optional.empty());
        TierAssignment february = assignment(ACME, "important", FEBRUARY);

        assignments.record(february, Optional.of(january));
        TierAssignment rerun = assignment(ACME, "general", FEBRUARY);
        assignments.record(rerun, Optional.of(february));

        assertThat(assignments.history(ACME)).containsExactly(january, rerun);
    }

    @Test
    public void refusesAFirstAssignmentWhenAnotherWriterStoredOneMeanwhile() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment theirs = assignment(ACME, "core", MARCH);
        assignments.record(theirs);

        assertThatThrownBy(() -> assignments.record(assignment(ACME, "important", MARCH), Optional.empty()))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Tier assignment of customer 'c-1' as of 2026-03-31 was decided against no assignment,"
                        + " but the one as of 2026-03-31 is stored now; nothing was recorded");
        assertThat(assignments.history(ACME)).containsExactly(theirs);
    }

    @Test
    public void refusesAnAssignmentWhenTheCurrentOneMovedOnMeanwhile() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment january = assignment(ACME, "core", JANUARY);
        assignments.record(january);
        TierAssignment february = assignment(ACME, "general", FEBRUARY);
        assignments.record(february);

        // Decided against January's before February's was stored: for a later day, and for the same day.
        assertThatThrownBy(() -> assignments.record(assignment(ACME, "important", MARCH), Optional.of(january)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Tier assignment of customer 'c-1' as of 2026-03-31 was decided against the assignment"
                        + " as of 2026-01-31, but the one as of 2026-02-28 is stored now; nothing was recorded");
        assertThatThrownBy(() -> assignments.record(assignment(ACME, "important", FEBRUARY), Optional.of(january)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Tier assignment of customer 'c-1' as of 2026-02-28 was decided against the assignment"
                        + " as of 2026-01-31, but the one as of 2026-02-28 is stored now; nothing was recorded");
        assertThat(assignments.history(ACME)).containsExactly(january, february);
    }

    @Test
    public void refusesAnAssignmentWhenTheCurrentOneWasReplacedMeanwhile() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment read = assignment(ACME, "core", FEBRUARY);
        assignments.record(read);
        TierAssignment replaced = new TierAssignment(ACME, Optional.of(Tier.of("general")), FEBRUARY, POLICY, 0,
                Instant.parse("2026-03-01T09:00:00Z"));
        assignments.record(replaced);

        assertThatThrownBy(() -> assignments.record(assignment(ACME, "important", MARCH), Optional.of(read)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Tier assignment of customer 'c-1' as of 2026-03-31 was decided against the assignment"
                        + " as of 2026-02-28, but it was replaced since; nothing was recorded");
        assertThat(assignments.history(ACME)).containsExactly(replaced);
    }

    @Test
    public void keepsEachCustomersHistoryApart() {
        TierAssignments assignments = newTierAssignments();
        TierAssignment acmeMarch = assignment(ACME, "core", MARCH);
        TierAssignment otherJanuary = assignment(OTHER, "general", JANUARY);
        assignments.record(acmeMarch);

        // An older day is fine for a customer whose own history is older.
        assignments.record(otherJanuary);

        assertThat(assignments.history(ACME)).containsExactly(acmeMarch);
        assertThat(assignments.history(OTHER)).containsExactly(otherJanuary);
        assertThat(assignments.current(OTHER)).contains(otherJanuary);
        assertThat(assignments.latestBefore(ACME, MARCH)).isEmpty();
    }

    @Test
    public void historyOfManyEvaluationsStaysInAsOfOrder() {
        TierAssignments assignments = newTierAssignments();
        LocalDate day = LocalDate.of(2025, 1, 31);
        for (int month = 0; month < 14; month++) {
            assignments.record(assignment(ACME, month % 2 == 0 ? "core" : "general", day.plusMonths(month)));
        }

        List<LocalDate> days = assignments.history(ACME).stream().map(TierAssignment::asOf).toList();

        assertThat(days).hasSize(14).isSorted();
        assertThat(days.get(0)).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(days.get(13)).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    public void visitsEachCustomersHistoryAsOfADayInCustomerIdOrder() {
        TierAssignments assignments = newTierAssignments();
        CustomerId tenth = CustomerId.of("c-10");
        CustomerId later = CustomerId.of("c-0");
        TierAssignment otherJanuary = assignment(OTHER, "general", JANUARY);
        TierAssignment acmeJanuary = assignment(ACME, "core", JANUARY);
        TierAssignment acmeFebruary = assignment(ACME, "general", FEBRUARY);
        TierAssignment tenthFebruary = assignment(tenth, "core", FEBRUARY);
        assignments.record(otherJanuary);
        assignments.record(tenthFebruary);
        assignments.record(acmeJanuary);
        assignments.record(acmeFebruary);
        assignments.record(assignment(ACME, "core", MARCH));
        assignments.record(assignment(later, "core", MARCH));
        List<List<TierAssignment>> visited = new ArrayList<>();

        assignments.forEachHistory(FEBRUARY, visited::add);

        // The as-of day itself is in; "c-0", first evaluated after it, is left out.
        assertThat(visited).containsExactly(List.of(acmeJanuary, acmeFebruary), List.of(tenthFebruary),
                List.of(otherJanuary));
    }

    @Test
    public void visitsWholeHistoriesAsOfALaterDayAndNothingAsOfAnEarlierOne() {
        TierAssignments assignments = newTierAssignments();
        LocalDate day = LocalDate.of(2025, 1, 31);
        for (int month = 0; month < 14; month++) {
            assignments.record(assignment(ACME, month % 2 == 0 ? "core" : "general", day.plusMonths(month)));
            assignments.record(assignment(OTHER, "core", day.plusMonths(month)));
        }
        List<List<TierAssignment>> visited = new ArrayList<>();

        assignments.forEachHistory(LocalDate.MAX, visited::add);
        assignments.forEachHistory(day.minusDays(1), visited::add);

        assertThat(visited).containsExactly(assignments.history(ACME), assignments.history(OTHER));
    }
}
