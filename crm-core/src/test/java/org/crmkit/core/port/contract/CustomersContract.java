package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.port.Customers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link Customers} implementation must show. An adapter's test extends this
 * class and implements {@link #newCustomers()}; test methods are public so that subclasses in
 * other packages inherit them.
 */
public abstract class CustomersContract {
    private static final LocalDate CREATED = LocalDate.of(2025, 1, 6);

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract Customers newCustomers();

    private static Customer customer(String id) {
        return Customer.of(CustomerId.of(id), "Customer " + id, CREATED);
    }

    private static Customer everyFieldSet() {
        ContactPreferences preferences = new ContactPreferences(
                Optional.of(ZoneId.of("Asia/Shanghai")),
                Optional.of(Channel.WECHAT),
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.MONDAY),
                Optional.of(LocalTimeRange.of(LocalTime.of(9, 0), LocalTime.of(12, 30))),
                EnumSet.of(Channel.SMS, Channel.EMAIL, Channel.PHONE));
        return new Customer(CustomerId.of("c-1"), "上海精密机械有限公司 & O'Brien \"Söhne\"", Optional.of("manufacturing"),
                LocalDate.of(2019, 2, 28), Optional.of(StaffId.of("s-7")), preferences, true);
    }

    @Test
    public void findsNothingForAnUnknownId() {
        Customers customers = newCustomers();
        customers.save(customer("c-1"));

        assertThat(customers.findById(CustomerId.of("c-2"))).isEmpty();
    }

    @Test
    public void roundTripsACustomerWithoutOptionalFacts() {
        Customers customers = newCustomers();
        Customer minimal = customer("c-1");

        customers.save(minimal);

        Customer found = customers.findById(CustomerId.of("c-1")).orElseThrow();
        assertThat(found).isEqualTo(minimal);
        assertThat(found.industry()).isEmpty();
        assertThat(found.accountManager()).isEmpty();
        assertThat(found.contactPreferences()).isEqualTo(ContactPreferences.none());
        assertThat(found.strategicAgreement()).isFalse();
    }

    @Test
    public void roundTripsEveryField() {
        Customers customers = newCustomers();
        Customer full = everyFieldSet();

        customers.save(full);

        Customer found = customers.findById(full.id()).orElseThrow();
        assertThat(found).isEqualTo(full);
        // Field by field as well, so that a failure says which one was lost.
        assertThat(found.name()).isEqualTo(full.name());
        assertThat(found.industry()).contains("manufacturing");
        assertThat(found.createdOn()).isEqualTo(LocalDate.of(2019, 2, 28));
        assertThat(found.accountManager()).contains(StaffId.of("s-7"));
        assertThat(found.contactPreferences().timeZone()).contains(ZoneId.of("Asia/Shanghai"));
        assertThat(found.contactPreferences().preferredChannel()).contains(Channel.WECHAT);
        assertThat(found.contactPreferences().preferredDays())
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        assertThat(found.contactPreferences().preferredHours())
                .contains(LocalTimeRange.of(LocalTime.of(9, 0), LocalTime.of(12, 30)));
        assertThat(found.contactPreferences().doNotContact())
                .containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL, Channel.PHONE);
        assertThat(found.strategicAgreement()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Z", "+05:45", "-09:30", "GMT+8", "America/St_Johns", "Asia/Kathmandu",
            "Pacific/Chatham", "Europe/Berlin"})
    public void roundTripsTheTimeZone(String zone) {
        Customers customers = newCustomers();
        Customer withZone = customer("c-1").withContactPreferences(
                ContactPreferences.none().withTimeZone(ZoneId.of(zone)));

        customers.save(withZone);

        assertThat(customers.findById(withZone.id()).orElseThrow().contactPreferences().timeZone())
                .contains(ZoneId.of(zone));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    public void roundTripsEachPreferredChannel(Channel channel) {
        Customers customers = newCustomers();
        Customer prefers = customer("c-1").withContactPreferences(
                ContactPreferences.none().withPreferredChannel(channel));

        customers.save(prefers);

        assertThat(customers.findById(prefers.id()).orElseThrow()).isEqualTo(prefers);
    }

    @Test
    public void roundTripsAllDaysAndAllBlockedChannels() {
        Customers customers = newCustomers();
        Customer everything = customer("c-1").withContactPreferences(ContactPreferences.none()
                .withPreferredDays(EnumSet.allOf(DayOfWeek.class))
                .withDoNotContact(EnumSet.allOf(Channel.class)));

        customers.save(everything);

        ContactPreferences found = customers.findById(everything.id()).orElseThrow().contactPreferences();
        assertThat(found.preferredDays()).isEqualTo(EnumSet.allOf(DayOfWeek.class));
        assertThat(found.doNotContact()).isEqualTo(EnumSet.allOf(Channel.class));
    }

    @Test
    public void roundTripsPreferredHoursToTheNanosecond() {
        // LocalTime.MAX is the natural "until midnight" end of a range.
        Customers customers = newCustomers();
        LocalTimeRange evening = LocalTimeRange.of(LocalTime.of(17, 45, 30), LocalTime.MAX);
        Customer customer = customer("c-1").withContactPreferences(
                ContactPreferences.none().withPreferredHours(evening));

        customers.save(customer);

        assertThat(customers.findById(customer.id()).orElseThrow().contactPreferences().preferredHours())
                .contains(evening);
    }

    @Test
    public void saveReplacesTheCustomerWithTheSameId() {
        Customers customers = newCustomers();
        customers.save(everyFieldSet());
        Customer replacement = Customer.of(CustomerId.of("c-1"), "Renamed Ltd", LocalDate.of(2020, 5, 1));

        customers.save(replacement);

        assertThat(customers.findById(CustomerId.of("c-1"))).contains(replacement);
        assertThat(customers.count()).isEqualTo(1);
    }

    @Test
    public void saveLeavesOtherCustomersAlone() {
        Customers customers = newCustomers();
        Customer other = everyFieldSet();
        customers.save(other);
        customers.save(customer("c-2"));

        customers.save(customer("c-2").withIndustry("retail"));

        assertThat(customers.findById(other.id())).contains(other);
    }

    @Test
    public void countsTheStoredCustomers() {
        Customers customers = newCustomers();
        assertThat(customers.count()).isZero();

        customers.save(customer("c-1"));
        customers.save(customer("c-2"));
        customers.save(customer("c-3"));
        customers.save(customer("c-2"));

        assertThat(customers.count()).isEqualTo(3);
    }

    @Test
    public void forEachVisitsEveryCustomerInAscendingIdOrder() {
        Customers customers = newCustomers();
        // Ascending id order is String order: upper case before lower case, "c-10" before "c-2".
        for (String id : List.of("c-2", "b-1", "C-3", "c-10", "a", "B-0")) {
            customers.save(customer(id));
        }
        List<String> visited = new ArrayList<>();

        customers.forEach(customer -> visited.add(customer.id().value()));

        assertThat(visited).containsExactly("B-0", "C-3", "a", "b-1", "c-10", "c-2");
    }

    @Test
    public void forEachHandsOverCompleteCustomers() {
        Customers customers = newCustomers();
        Customer full = everyFieldSet();
        customers.save(full);
        List<Customer> visited = new ArrayList<>();

        customers.forEach(visited::add);

        assertThat(visited).containsExactly(full);
    }

    @Test
    public void forEachVisitsNothingWhenEmpty() {
        Customers customers = newCustomers();
        List<Customer> visited = new ArrayList<>();

        customers.forEach(visited::add);

        assertThat(visited).isEmpty();
    }

    @Test
    public void savingAgainClearsFactsThatAreNoLongerSet() {
        Customers customers = newCustomers();
        customers.save(everyFieldSet());
        Customer cleared = new Customer(CustomerId.of("c-1"), "ACME", Optional.empty(), CREATED, Optional.empty(),
                ContactPreferences.none(), false);

        customers.save(cleared);

        Customer found = customers.findById(cleared.id()).orElseThrow();
        assertThat(found.industry()).isEmpty();
        assertThat(found.accountManager()).isEmpty();
        assertThat(found.contactPreferences()).isEqualTo(ContactPreferences.none());
        assertThat(found.contactPreferences().preferredDays()).isEqualTo(Set.of());
    }
}
