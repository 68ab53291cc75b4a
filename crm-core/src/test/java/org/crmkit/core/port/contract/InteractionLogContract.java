package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.port.InteractionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link InteractionLog} implementation must show. An adapter's test extends
 * this class and implements {@link #newInteractionLog()}; test methods are public so that
 * subclasses in other packages inherit them.
 */
public abstract class InteractionLogContract {
    private static final CustomerId ACME = CustomerId.of("c-1");
    private static final CustomerId OTHER = CustomerId.of("c-2");
    private static final OffsetDateTime MOMENT = OffsetDateTime.parse("2026-03-01T09:15:30.123456789+08:00");
    private static final Instant EARLIEST = Instant.MIN;
    private static final Instant LATEST = Instant.MAX;

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract InteractionLog newInteractionLog();

    private static Interaction inquiry(String id, CustomerId customer, OffsetDateTime at) {
        return Interaction.of(InteractionId.of(id), customer, at, Channel.PHONE, InteractionKind.INQUIRY);
    }

    private static Interaction inquiry(String id, Instant at) {
        return inquiry(id, ACME, at.atOffset(ZoneOffset.UTC));
    }

    private static List<String> ids(List<Interaction> interactions) {
        return interactions.stream().map(interaction -> interaction.id().value()).toList();
    }

    @Test
    public void findsNothingForACustomerWithoutInteractions() {
        InteractionLog log = newInteractionLog();
        log.record(inquiry("i-1", ACME, MOMENT));

        assertThat(log.findByCustomer(OTHER, EARLIEST, LATEST)).isEmpty();
    }

    @Test
    public void roundTripsAnInteractionWithoutOptionalFacts() {
        InteractionLog log = newInteractionLog();
        Interaction minimal = inquiry("i-1", ACME, MOMENT);

        log.record(minimal);

        List<Interaction> found = log.findByCustomer(ACME, EARLIEST, LATEST);
        assertThat(found).containsExactly(minimal);
        assertThat(found.get(0).staffId()).isEmpty();
        assertThat(found.get(0).outcome()).isEmpty();
    }

    @Test
    public void roundTripsEveryField() {
        InteractionLog log = newInteractionLog();
        Interaction full = Interaction.of(InteractionId.of("WX/2026-03-01/0007"), ACME, MOMENT, Channel.WECHAT,
                        InteractionKind.VISIT)
                .withStaff(StaffId.of("s-7"))
                .withOutcome("报价已发送; quote sent, follow up on Tuesday");

        log.record(full);

        Interaction found = log.findByCustomer(ACME, EARLIEST, LATEST).get(0);
        assertThat(found).isEqualTo(full);
        assertThat(found.occurredAt()).isEqualTo(MOMENT);
        assertThat(found.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(found.occurredAt().getNano()).isEqualTo(123_456_789);
        assertThat(found.channel()).isEqualTo(Channel.WECHAT);
        assertThat(found.kind()).isEqualTo(InteractionKind.VISIT);
        assertThat(found.staffId()).contains(StaffId.of("s-7"));
        assertThat(found.outcome()).contains("报价已发送; quote sent, follow up on Tuesday");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "+08:00", "-05:00", "+05:45", "+14:00", "-12:00", "+01:02:03"})
    public void keepsTheOffsetTheMomentWasRecordedIn(String offset) {
        InteractionLog log = newInteractionLog();
        OffsetDateTime at = MOMENT.withOffsetSameInstant(ZoneOffset.of(offset));
        log.record(inquiry("i-1", ACME, at));

        OffsetDateTime found = log.findByCustomer(ACME, EARLIEST, LATEST).get(0).occurredAt();

        assertThat(found).isEqualTo(at);
        assertThat(found.getOffset()).isEqualTo(ZoneOffset.of(offset));
    }

    @ParameterizedTest
    @EnumSource(InteractionKind.class)
    public void roundTripsEachKind(InteractionKind kind) {
        InteractionLog log = newInteractionLog();
        Interaction interaction = Interaction.of(InteractionId.of("i-1"), ACME, MOMENT, Channel.EMAIL, kind);

        log.record(interaction);

        assertThat(log.findByCustomer(ACME, EARLIEST, LATEST)).containsExactly(interaction);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    public void roundTripsEachChannel(Channel channel) {
        InteractionLog log = newInteractionLog();
        Interaction interaction = Interaction.of(InteractionId.of("i-1"), ACME, MOMENT, channel,
                InteractionKind.MESSAGE);

        log.record(interaction);

        assertThat(log.findByCustomer(ACME, EARLIEST, LATEST)).containsExactly(interaction);
    }

    @Test
    public void includesTheFirstMomentAndExcludesTheEndToTheNanosecond() {
        InteractionLog log = newInteractionLog();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2026-04-01T00:00:00Z");
        log.record(inquiry("i-just-before", from.minusNanos(1)));
        log.record(inquiry("i-first", from));
        log.record(inquiry("i-last", until.minusNanos(1)));
        log.record(inquiry("i-end", until));

        assertThat(ids(log.findByCustomer(ACME, from, until))).containsExactly("i-first", "i-last");
    }

    @Test
    public void comparesMomentsNotLocalTimes() {
        InteractionLog log = newInteractionLog();
        // 07:30 in Shanghai on 1 March is 23:30 UTC on 28 February.
        log.record(inquiry("i-shanghai", ACME, OffsetDateTime.parse("2026-03-01T07:30:00+08:00")));
        // 20:00 in New York on 28 February is 01:00 UTC on 1 March.
        log.record(inquiry("i-new-york", ACME, OffsetDateTime.parse("2026-02-28T20:00:00-05:00")));

        List<Interaction> february = log.findByCustomer(ACME, Instant.parse("2026-02-28T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(ids(february)).containsExactly("i-shanghai");
    }

    @Test
    public void ordersByMomentThenId() {
        InteractionLog log = newInteractionLog();
        // Local times in reverse of the moments; two share the moment 02:00 UTC.
        log.record(inquiry("i-b", ACME, OffsetDateTime.parse("2026-03-01T10:00:00+08:00")));
        log.record(inquiry("i-late", ACME, OffsetDateTime.parse("2026-03-01T05:00:00Z")));
        log.record(inquiry("i-a", ACME, OffsetDateTime.parse("2026-03-01T03:00:00+01:00")));
        log.record(inquiry("I-c", ACME, OffsetDateTime.parse("2026-03-01T02:00:00Z")));
        log.record(inquiry("i-early", ACME, OffsetDateTime.parse("2026-02-28T21:00:00-04:00")));

        assertThat(ids(log.findByCustomer(ACME, EARLIEST, LATEST)))
                .containsExactly("i-early", "I-c", "i-a", "i-b", "i-late");
    }

    @Test
    public void ordersMomentsWithinTheSameMicrosecond() {
        InteractionLog log = newInteractionLog();
        Instant base = Instant.parse("2026-03-01T02:00:00.000001Z");
        log.record(inquiry("i-1", base.plusNanos(999)));
        log.record(inquiry("i-2", base.plusNanos(1)));
        log.record(inquiry("i-3", base));

        assertThat(ids(log.findByCustomer(ACME, EARLIEST, LATEST))).containsExactly("i-3", "i-2", "i-1");
        assertThat(ids(log.findByCustomer(ACME, base.plusNanos(1), base.plusNanos(999))))
                .containsExactly("i-2");
    }

    @Test
    public void findsOnlyTheGivenCustomersInteractions() {
        InteractionLog log = newInteractionLog();
        log.record(inquiry("i-1", ACME, MOMENT));
        log.record(inquiry("i-2", OTHER, MOMENT));

        assertThat(ids(log.findByCustomer(ACME, EARLIEST, LATEST))).containsExactly("i-1");
        assertThat(ids(log.findByCustomer(OTHER, EARLIEST, LATEST))).containsExactly("i-2");
    }

    @Test
    public void anEmptyRangeFindsNothing() {
        InteractionLog log = newInteractionLog();
        log.record(inquiry("i-1", ACME, MOMENT));
        Instant moment = MOMENT.toInstant();

        assertThat(log.findByCustomer(ACME, moment, moment)).isEmpty();
    }

    @Test
    public void recordingTheSameInteractionAgainChangesNothing() {
        InteractionLog log = newInteractionLog();
        Interaction interaction = inquiry("i-1", ACME, MOMENT).withStaff(StaffId.of("s-1")).withOutcome("ok");
        log.record(interaction);

        log.record(interaction);
        log.record(inquiry("i-1", ACME, MOMENT).withStaff(StaffId.of("s-1")).withOutcome("ok"));

        assertThat(log.findByCustomer(ACME, EARLIEST, LATEST)).containsExactly(interaction);
    }

    @Test
    public void rejectsAnotherInteractionWithARecordedId() {
        InteractionLog log = newInteractionLog();
        Interaction original = inquiry("i-1", ACME, MOMENT);
        log.record(original);

        assertThatThrownBy(() -> log.record(inquiry("i-1", ACME, MOMENT).withOutcome("changed")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Interaction 'i-1' is already recorded with other values");
        assertThat(log.findByCustomer(ACME, EARLIEST, LATEST)).containsExactly(original);
    }

    @Test
    public void theSameMomentInAnotherOffsetIsAnotherInteraction() {
        InteractionLog log = newInteractionLog();
        log.record(inquiry("i-1", ACME, MOMENT));
        Interaction sameInstantInUtc = inquiry("i-1", ACME, MOMENT.withOffsetSameInstant(ZoneOffset.UTC));

        assertThatThrownBy(() -> log.record(sameInstantInUtc))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Interaction 'i-1' is already recorded with other values");
    }

    @Test
    public void rejectsARecordedIdForAnotherCustomer() {
        InteractionLog log = newInteractionLog();
        log.record(inquiry("i-1", ACME, MOMENT));

        assertThatThrownBy(() -> log.record(inquiry("i-1", OTHER, MOMENT)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Interaction 'i-1' is already recorded with other values");
        assertThat(log.findByCustomer(OTHER, EARLIEST, LATEST)).isEmpty();
    }

    @Test
    public void visitsTheRangeCustomerByCustomerInIdOrderEachByMomentThenId() {
        InteractionLog log = newInteractionLog();
        CustomerId tenth = CustomerId.of("c-10");
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2026-04-01T00:00:00Z");
        log.record(inquiry("i-other-late", OTHER, OffsetDateTime.parse("2026-03-01T09:00:00+08:00")));
        log.record(inquiry("i-acme-b", ACME, OffsetDateTime.parse("2026-02-01T10:00:00+08:00")));
        log.record(inquiry("i-tenth", tenth, OffsetDateTime.parse("2026-01-15T09:00:00Z")));
        log.record(inquiry("i-acme-a", ACME, OffsetDateTime.parse("2026-02-01T02:00:00Z")));
        log.record(inquiry("i-other-early", OTHER, OffsetDateTime.parse("2026-01-02T09:00:00-05:00")));
        log.record(inquiry("i-acme-first", ACME, from.minusNanos(1).atOffset(ZoneOffset.UTC)));
        log.record(inquiry("i-acme-end", ACME, until.atOffset(ZoneOffset.UTC)));
        log.record(inquiry("i-other-last", OTHER, until.minusNanos(1).atOffset(ZoneOffset.ofHours(8))));
        List<Interaction> visited = new ArrayList<>();

        log.forEach(from, until, visited::add);

        // "c-10" sorts between "c-1" and "c-2"; the moments just outside the range are left out.
        assertThat(ids(visited)).containsExactly("i-acme-a", "i-acme-b", "i-tenth", "i-other-early",
                "i-other-late", "i-other-last");
        assertThat(visited.get(0)).isEqualTo(log.findByCustomer(ACME, from, until).get(0));
    }

    @Test
    public void visitsWhatFindByCustomerFindsForEachCustomer() {
        InteractionLog log = newInteractionLog();
        Instant base = Instant.parse("2026-03-01T02:00:00.000001Z");
        log.record(inquiry("i-3", ACME, base.plusNanos(999).atOffset(ZoneOffset.ofHours(8))));
        log.record(inquiry("i-1", OTHER, base.atOffset(ZoneOffset.UTC)));
        log.record(inquiry("i-2", ACME, base.plusNanos(1).atOffset(ZoneOffset.ofHours(-3))));
        log.record(Interaction.of(InteractionId.of("i-4"), ACME, MOMENT, Channel.VISIT, InteractionKind.VISIT)
                .withStaff(StaffId.of("s-1")).withOutcome("signed"));
        List<Interaction> visited = new ArrayList<>();

        log.forEach(EARLIEST, LATEST, visited::add);

        List<Interaction> expected = new ArrayList<>(log.findByCustomer(ACME, EARLIEST, LATEST));
        expected.addAll(log.findByCustomer(OTHER, EARLIEST, LATEST));
        assertThat(visited).containsExactlyElementsOf(expected).hasSize(4);
    }

    @Test
    public void visitsNothingInAnEmptyRange() {
        InteractionLog log = newInteractionLog();
        log.record(inquiry("i-1", ACME, MOMENT));
        List<Interaction> visited = new ArrayList<>();

        log.forEach(MOMENT.toInstant(), MOMENT.toInstant(), visited::add);

        assertThat(visited).isEmpty();
    }
}
