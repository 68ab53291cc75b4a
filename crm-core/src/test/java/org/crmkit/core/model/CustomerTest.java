package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {
    private static final CustomerId ID = CustomerId.of("c-1");
    private static final LocalDate CREATED = LocalDate.of(2025, 1, 6);

    @Test
    void ofStartsWithoutOptionalFacts() {
        Customer customer = Customer.of(ID, "ACME Valves", CREATED);

        assertThat(customer.id()).isEqualTo(ID);
        assertThat(customer.name()).isEqualTo("ACME Valves");
        assertThat(customer.createdOn()).isEqualTo(CREATED);
        assertThat(customer.industry()).isEmpty();
        assertThat(customer.accountManager()).isEmpty();
        assertThat(customer.contactPreferences()).isEqualTo(ContactPreferences.none());
        assertThat(customer.strategicAgreement()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\n  "})
    void rejectsABlankName(String name) {
        assertThatThrownBy(() -> Customer.of(ID, name, CREATED))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Customer name must not be blank");
    }

    @Test
    void blankIndustryMeansNoIndustry() {
        Customer customer = Customer.of(ID, "ACME", CREATED);

        assertThat(customer.withIndustry("  ").industry()).isEmpty();
        assertThat(customer.withIndustry("").industry()).isEmpty();
        assertThat(new Customer(ID, "ACME", Optional.of(" \t"), CREATED, Optional.empty(), ContactPreferences.none(),
                false).industry()).isEmpty();
    }

    @Test
    void withCopiesSetOneFactAndKeepTheOthers() {
        StaffId manager = StaffId.of("s-9");
        ContactPreferences prefersWechat = ContactPreferences.none().withPreferredChannel(Channel.WECHAT);

        Customer customer = Customer.of(ID, "ACME", CREATED)
                .withIndustry("manufacturing")
                .withAccountManager(manager)
                .withContactPreferences(prefersWechat)
                .withStrategicAgreement(true);

        assertThat(customer).isEqualTo(new Customer(ID, "ACME", Optional.of("manufacturing"), CREATED,
                Optional.of(manager), prefersWechat, true));
        assertThat(customer.withStrategicAgreement(false).strategicAgreement()).isFalse();
        assertThat(customer.withStrategicAgreement(false).accountManager()).contains(manager);
    }

    @Test
    void toStringShowsTheIdButNotThePersonalName() {
        Customer customer = Customer.of(ID, "Zhang Wei", CREATED);

        assertThat(customer).hasToString("Customer[c-1]");
        assertThat(customer.toString()).doesNotContain("Zhang");
    }

    @Test
    void rejectsNullComponentsNamingThem() {
        assertThatThrownBy(() -> Customer.of(null, "ACME", CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> Customer.of(ID, null, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("Customer name");
        assertThatThrownBy(() -> Customer.of(ID, "ACME", null))
                .isInstanceOf(NullPointerException.class).hasMessage("createdOn");
        assertThatThrownBy(() -> Customer.of(ID, "ACME", CREATED).withContactPreferences(null))
                .isInstanceOf(NullPointerException.class).hasMessage("contactPreferences");
    }
}
