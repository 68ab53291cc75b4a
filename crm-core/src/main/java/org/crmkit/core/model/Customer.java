package org.crmkit.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.internal.Checks;

/**
 * A customer as crmkit sees it: the facts the rules need, nothing of the ERP's own record.
 *
 * <p>Create one with {@link #of(CustomerId, String, LocalDate)} and refine it with the
 * {@code withX} copies; every copy is validated again. Immutable and thread-safe.
 *
 * @param id the customer's id; not null
 * @param name the display name; personal data, never logged at INFO or above; not blank
 * @param industry the industry, if recorded; not null
 * @param createdOn the day the customer relationship was recorded; not null
 * @param accountManager the dedicated account manager, if any; not null
 * @param contactPreferences how the customer wants to be contacted; not null
 * @param strategicAgreement whether a strategic cooperation agreement is in force
 */
public record Customer(
        CustomerId id,
        String name,
        Optional<String> industry,
        LocalDate createdOn,
        Optional<StaffId> accountManager,
        ContactPreferences contactPreferences,
        boolean strategicAgreement) {

    /** Checks the invariants. */
    public Customer {
        Objects.requireNonNull(id, "id");
        Checks.nonBlank(name, "Customer name");
        Objects.requireNonNull(industry, "industry");
        industry = industry.filter(text -> !text.isBlank());
        Objects.requireNonNull(createdOn, "createdOn");
        Objects.requireNonNull(accountManager, "accountManager");
        Objects.requireNonNull(contactPreferences, "contactPreferences");
    }

    /**
     * Creates a customer with no industry, no account manager, no contact preferences and no
     * strategic agreement.
     *
     * @param id the id; not null
     * @param name the display name; not blank
     * @param createdOn the day the relationship was recorded; not null
     * @return the customer
     */
    public static Customer of(CustomerId id, String name, LocalDate createdOn) {
        return new Customer(id, name, Optional.empty(), createdOn, Optional.empty(),
                ContactPreferences.none(), false);
    }

    /**
     * Copy with an industry.
     *
     * @param newIndustry the industry; not null
     * @return the copy
     */
    public Customer withIndustry(String newIndustry) {
        return new Customer(id, name, Optional.of(newIndustry), createdOn, accountManager, contactPreferences,
                strategicAgreement);
    }

    /**
     * Copy with a dedicated account manager.
     *
     * @param manager the manager; not null
     * @return the copy
     */
    public Customer withAccountManager(StaffId manager) {
        return new Customer(id, name, industry, createdOn, Optional.of(manager), contactPreferences,
                strategicAgreement);
    }

    /**
     * Copy with other contact preferences.
     *
     * @param preferences the preferences; not null
     * @return the copy
     */
    public Customer withContactPreferences(ContactPreferences preferences) {
        return new Customer(id, name, industry, createdOn, accountManager, preferences, strategicAgreement);
    }

    /**
     * Copy with or without a strategic agreement.
     *
     * @param agreement whether a strategic agreement is in force
     * @return the copy
     */
    public Customer withStrategicAgreement(boolean agreement) {
        return new Customer(id, name, industry, createdOn, accountManager, contactPreferences, agreement);
    }

    /** @return the id only: names are personal data and must not end up in logs by accident */
    @Override
    public String toString() {
        return "Customer[" + id + "]";
    }
}
