package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.port.ServiceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ServiceCases} implementation must show. An adapter's test extends
 * this class and implements {@link #newServiceCases()}; test methods are public so that
 * subclasses in other packages inherit them.
 */
public abstract class ServiceCasesContract {
    private static final CustomerId ACME = CustomerId.of("c-1");
    private static final OffsetDateTime OPENED = OffsetDateTime.parse("2026-03-02T09:15:30.123456789+08:00");

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract ServiceCases newServiceCases();

    private static ServiceCase complaint(String id) {
        return ServiceCase.complaint(CaseId.of(id), ACME, OPENED);
    }

    private static ServiceCase everyFieldSet() {
        return new ServiceCase(CaseId.of("ZD/2026-03/0042"), CustomerId.of("c-7"), OPENED, CaseKind.INQUIRY,
                Optional.of(Priority.P2), Optional.of("交货延迟; late delivery of O'Brien's \"spare\" parts"),
                Optional.of(Channel.WECHAT));
    }

    @Test
    public void findsNothingForAnUnknownId() {
        ServiceCases cases = newServiceCases();
        cases.save(complaint("k-1"));

        assertThat(cases.findById(CaseId.of("k-2"))).isEmpty();
    }

    @Test
    public void roundTripsACaseWithoutOptionalFacts() {
        ServiceCases cases = newServiceCases();
        ServiceCase minimal = complaint("k-1");

        cases.save(minimal);

        ServiceCase found = cases.findById(CaseId.of("k-1")).orElseThrow();
        assertThat(found).isEqualTo(minimal);
        assertThat(found.kind()).isEqualTo(CaseKind.COMPLAINT);
        assertThat(found.priority()).isEmpty();
        assertThat(found.cause()).isEmpty();
        assertThat(found.channel()).isEmpty();
    }

    @Test
    public void roundTripsEveryField() {
        ServiceCases cases = newServiceCases();
        ServiceCase full = everyFieldSet();

        cases.save(full);

        ServiceCase found = cases.findById(full.id()).orElseThrow();
        assertThat(found).isEqualTo(full);
        // Field by field as well, so that a failure says which one was lost.
        assertThat(found.customerId()).isEqualTo(CustomerId.of("c-7"));
        assertThat(found.openedAt()).isEqualTo(OPENED);
        assertThat(found.openedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(found.openedAt().getNano()).isEqualTo(123_456_789);
        assertThat(found.kind()).isEqualTo(CaseKind.INQUIRY);
        assertThat(found.priority()).contains(Priority.P2);
        assertThat(found.cause()).contains("交货延迟; late delivery of O'Brien's \"spare\" parts");
        assertThat(found.channel()).contains(Channel.WECHAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "+08:00", "-05:00", "+05:45", "+14:00", "-12:00", "+01:02:03"})
    public void keepsTheOffsetTheCaseWasOpenedIn(String offset) {
        ServiceCases cases = newServiceCases();
        OffsetDateTime opened = OPENED.withOffsetSameInstant(ZoneOffset.of(offset));
        cases.save(ServiceCase.complaint(CaseId.of("k-1"), ACME, opened));

        OffsetDateTime found = cases.findById(CaseId.of("k-1")).orElseThrow().openedAt();

        assertThat(found).isEqualTo(opened);
        assertThat(found.getOffset()).isEqualTo(ZoneOffset.of(offset));
    }

    @ParameterizedTest
    @EnumSource(CaseKind.class)
    public void roundTripsEachKind(CaseKind kind) {
        ServiceCases cases = newServiceCases();
        ServiceCase serviceCase = complaint("k-1").withKind(kind);

        cases.save(serviceCase);

        assertThat(cases.findById(serviceCase.id())).contains(serviceCase);
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    public void roundTripsEachPriority(Priority priority) {
        ServiceCases cases = newServiceCases();
        ServiceCase serviceCase = complaint("k-1").withPriority(priority);

        cases.save(serviceCase);

        assertThat(cases.findById(serviceCase.id()).orElseThrow().priority()).contains(priority);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    public void roundTripsEachChannel(Channel channel) {
        ServiceCases cases = newServiceCases();
        ServiceCase serviceCase = complaint("k-1").withChannel(channel);

        cases.save(serviceCase);

        assertThat(cases.findById(serviceCase.id()).orElseThrow().channel()).contains(channel);
    }

    @Test
    public void saveReplacesTheCaseWithTheSameId() {
        ServiceCases cases = newServiceCases();
        cases.save(complaint("k-1").withPriority(Priority.P3).withCause("billing"));
        ServiceCase replacement = new ServiceCase(CaseId.of("k-1"), CustomerId.of("c-2"),
                OffsetDateTime.parse("2026-03-03T10:00:00-05:00"), CaseKind.INQUIRY, Optional.of(Priority.P1),
                Optional.of("outage"), Optional.of(Channel.PHONE));

        cases.save(replacement);

        assertThat(cases.findById(CaseId.of("k-1"))).contains(replacement);
        List<ServiceCase> visited = new ArrayList<>();
        cases.forEach(visited::add);
        assertThat(visited).containsExactly(replacement);
    }

    @Test
    public void savingAgainClearsFactsThatAreNoLongerSet() {
        ServiceCases cases = newServiceCases();
        ServiceCase full = everyFieldSet();
        cases.save(full);
        ServiceCase cleared = ServiceCase.complaint(full.id(), full.customerId(), full.openedAt());

        cases.save(cleared);

        ServiceCase found = cases.findById(full.id()).orElseThrow();
        assertThat(found).isEqualTo(cleared);
        assertThat(found.priority()).isEmpty();
        assertThat(found.cause()).isEmpty();
        assertThat(found.channel()).isEmpty();
    }

    @Test
    public void saveLeavesOtherCasesAlone() {
        ServiceCases cases = newServiceCases();
        ServiceCase other = everyFieldSet();
        cases.save(other);
        cases.save(complaint("k-2"));

        cases.save(complaint("k-2").withPriority(Priority.P4));

        assertThat(cases.findById(other.id())).contains(other);
        assertThat(cases.findById(CaseId.of("k-2")).orElseThrow().priority()).contains(Priority.P4);
    }

    @Test
    public void forEachVisitsEveryCaseInAscendingIdOrder() {
        ServiceCases cases = newServiceCases();
        // Ascending id order is String order: upper case before lower case, "k-10" before "k-2".
        for (String id : List.of("k-2", "j-1", "K-3", "k-10", "a", "J-0")) {
            cases.save(complaint(id));
        }
        List<String> visited = new ArrayList<>();

        cases.forEach(serviceCase -> visited.add(serviceCase.id().value()));

        assertThat(visited).containsExactly("J-0", "K-3", "a", "j-1", "k-10", "k-2");
    }

    @Test
    public void forEachHandsOverCompleteCases() {
        ServiceCases cases = newServiceCases();
        ServiceCase full = everyFieldSet();
        ServiceCase minimal = complaint("k-1");
        cases.save(minimal);
        cases.save(full);
        List<ServiceCase> visited = new ArrayList<>();

        cases.forEach(visited::add);

        assertThat(visited).containsExactly(full, minimal);
    }

    @Test
    public void forEachVisitsNothingWhenEmpty() {
        ServiceCases cases = newServiceCases();
        List<ServiceCase> visited = new ArrayList<>();

        cases.forEach(visited::add);

        assertThat(visited).isEmpty();
    }
}
