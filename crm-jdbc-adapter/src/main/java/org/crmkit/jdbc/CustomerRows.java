package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.StaffId;

/** Maps {@link Customer} to and from rows of {@code crm_customer}. */
final class CustomerRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "id, name, industry, created_on, account_manager, time_zone, preferred_channel,"
            + " preferred_days, preferred_hours, do_not_contact, strategic_agreement";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_customer";
    static final String INSERT = "INSERT INTO crm_customer (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE crm_customer SET name = ?, industry = ?, created_on = ?,"
            + " account_manager = ?, time_zone = ?, preferred_channel = ?, preferred_days = ?, preferred_hours = ?,"
            + " do_not_contact = ?, strategic_agreement = ? WHERE id = ?";

    private CustomerRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row of {@link #SELECT}
     * @return the customer
     * @throws SQLException on a database failure
     */
    static Customer map(ResultSet row) throws SQLException {
        String hours = row.getString("preferred_hours");
        String zone = row.getString("time_zone");
        String channel = row.getString("preferred_channel");
        ContactPreferences preferences = new ContactPreferences(
                Optional.ofNullable(zone).map(ZoneId::of),
                Optional.ofNullable(channel).map(Channel::parse),
                ContactPreferences.parseDays(row.getString("preferred_days")),
                Optional.ofNullable(hours).map(LocalTimeRange::parse),
                ContactPreferences.parseChannels(row.getString("do_not_contact")));
        String manager = row.getString("account_manager");
        return new Customer(
                CustomerId.of(row.getString("id")),
                row.getString("name"),
                Optional.ofNullable(row.getString("industry")),
                row.getObject("created_on", LocalDate.class),
                Optional.ofNullable(manager).map(StaffId::of),
                preferences,
                row.getBoolean("strategic_agreement"));
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param customer the customer
     * @throws SQLException on a database failure
     */
    static void bindInsert(PreparedStatement statement, Customer customer) throws SQLException {
        statement.setString(1, customer.id().value());
        bindFacts(statement, 2, customer);
    }

    /**
     * Binds the values of {@link #UPDATE}.
     *
     * @param statement the prepared UPDATE
     * @param customer the customer
     * @throws SQLException on a database failure
     */
    static void bindUpdate(PreparedStatement statement, Customer customer) throws SQLException {
        int next = bindFacts(statement, 1, customer);
        statement.setString(next, customer.id().value());
    }

    private static int bindFacts(PreparedStatement statement, int first, Customer customer) throws SQLException {
        ContactPreferences preferences = customer.contactPreferences();
        int i = first;
        statement.setString(i++, customer.name());
        statement.setString(i++, customer.industry().orElse(null));
        statement.setObject(i++, SqlValues.storableDay(customer.createdOn(),
                "Customer '" + customer.id() + "' createdOn"));
        statement.setString(i++, customer.accountManager().map(StaffId::value).orElse(null));
        statement.setString(i++, preferences.timeZone().map(ZoneId::getId).orElse(null));
        statement.setString(i++, preferences.preferredChannel().map(Channel::key).orElse(null));
        statement.setString(i++, preferences.preferredDays().stream()
                .sorted()
                .map(CustomerRows::dayKey)
                .collect(Collectors.joining(";")));
        statement.setString(i++, preferences.preferredHours().map(LocalTimeRange::toString).orElse(null));
        statement.setString(i++, preferences.doNotContact().stream()
                .sorted()
                .map(Channel::key)
                .collect(Collectors.joining(";")));
        statement.setBoolean(i++, customer.strategicAgreement());
        return i;
    }

    private static String dayKey(DayOfWeek day) {
        return day.name().substring(0, 3);
    }
}
