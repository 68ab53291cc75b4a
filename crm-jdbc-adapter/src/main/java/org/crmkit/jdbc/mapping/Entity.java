package org.crmkit.jdbc.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a mapping can read from an ERP's tables: each entity and crmkit's own table for it. */
public enum Entity {
    /** The customers, crmkit's {@code crm_customer}. */
    CUSTOMERS("crm_customer"),
    /** The orders (purchases, with returns and credit notes as negative amounts), crmkit's {@code crm_purchase}. */
    ORDERS("crm_purchase"),
    /** The contacts with customers (inquiries, calls, visits), crmkit's {@code crm_interaction}. */
    INTERACTIONS("crm_interaction"),
    /**
     * The service cases customers opened, complaints (and inquiries, where the ERP keeps them in
     * the same table), crmkit's {@code crm_case}.
     */
    COMPLAINTS("crm_case"),
    /** What happened to the complaints: responses, resolutions, pauses, ..., crmkit's {@code crm_case_event}. */
    COMPLAINT_EVENTS("crm_case_event"),
    /** The lines of the orders: products, quantities, prices, crmkit's {@code crm_order_line}. */
    ORDER_LINES("crm_order_line"),
    /** The invoices issued to customers (credit notes as negative amounts), crmkit's {@code crm_invoice}. */
    INVOICES("crm_invoice"),
    /** The payments received against invoices (refunds as negative amounts), crmkit's {@code crm_payment}. */
    PAYMENTS("crm_payment");

    private final String crmkitTable;

    Entity(String crmkitTable) {
        this.crmkitTable = crmkitTable;
    }

    /** @return the key of the entity's section in a mapping file, e.g. {@code orders} or {@code complaint_events} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return crmkit's own table for the entity, read when a mapping leaves the entity out */
    public String crmkitTable() {
        return crmkitTable;
    }

    /** @return the entity's fields, in the order crmkit reads them */
    public List<Field> fields() {
        return Arrays.stream(Field.values()).filter(field -> field.entity() == this).toList();
    }

    /**
     * The entity's field of a key.
     *
     * @param key the field's key in a mapping file, e.g. {@code amount}; not null
     * @return the field, or empty if the entity has none of that key
     */
    public Optional<Field> field(String key) {
        return fields().stream().filter(field -> field.key().equals(key)).findFirst();
    }

    /**
     * The entity of a key.
     *
     * @param key e.g. {@code orders}; not null
     * @return the entity, or empty for an unknown key
     */
    public static Optional<Entity> ofKey(String key) {
        return Arrays.stream(values()).filter(entity -> entity.key().equals(key)).findFirst();
    }
}
