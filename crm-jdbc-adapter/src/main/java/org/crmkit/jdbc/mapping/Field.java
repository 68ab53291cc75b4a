package org.crmkit.jdbc.mapping;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A field crmkit reads of an entity, with what a column for it must hold. Required fields need
 * a column (or a fixed value, where one is allowed); an optional field left out reads as its
 * {@link #whenAbsent} value where it has one ({@code false} for
 * {@link #CUSTOMER_STRATEGIC_AGREEMENT}, {@code complaint} for {@link #COMPLAINT_KIND}), and as
 * absent otherwise.
 */
public enum Field {
    /** The customer's key: text or an integer column, read as text. */
    CUSTOMER_ID(Entity.CUSTOMERS, "id", Kind.KEY, true),
    /** The customer's name. */
    CUSTOMER_NAME(Entity.CUSTOMERS, "name", Kind.TEXT, true),
    /** The day the customer was created: a DATE, or a TIMESTAMP without time zone (its day). */
    CUSTOMER_CREATED_ON(Entity.CUSTOMERS, "created_on", Kind.DAY, true),
    /** The customer's industry. */
    CUSTOMER_INDUSTRY(Entity.CUSTOMERS, "industry", Kind.TEXT, false),
    /** The key of the customer's account manager. */
    CUSTOMER_ACCOUNT_MANAGER(Entity.CUSTOMERS, "account_manager", Kind.KEY, false),
    /** Whether the customer has a strategic (framework) agreement: a BOOLEAN column or a fixed value. */
    CUSTOMER_STRATEGIC_AGREEMENT(Entity.CUSTOMERS, "strategic_agreement", Kind.BOOLEAN, false, "false"),

    /** The order's key: text or an integer column, read as text. */
    ORDER_ID(Entity.ORDERS, "id", Kind.KEY, true),
    /** The key of the customer who ordered, as {@link #CUSTOMER_ID} reads it. */
    ORDER_CUSTOMER_ID(Entity.ORDERS, "customer_id", Kind.KEY, true),
    /** The order's day: a DATE, or a TIMESTAMP without time zone (its day). */
    ORDER_DATE(Entity.ORDERS, "order_date", Kind.DAY, true),
    /** The amount: an exact number (NUMERIC, DECIMAL or an integer), negative for returns and credit notes. */
    ORDER_AMOUNT(Entity.ORDERS, "amount", Kind.MONEY, true),
    /** The amount's ISO 4217 currency: a text column or a fixed code. */
    ORDER_CURRENCY(Entity.ORDERS, "currency", Kind.CURRENCY, true),
    /** The order's product category. */
    ORDER_CATEGORY(Entity.ORDERS, "category", Kind.TEXT, false),

    /** The interaction's key: text or an integer column, read as text. */
    INTERACTION_ID(Entity.INTERACTIONS, "id", Kind.KEY, true),
    /** The key of the customer contacted, as {@link #CUSTOMER_ID} reads it. */
    INTERACTION_CUSTOMER_ID(Entity.INTERACTIONS, "customer_id", Kind.KEY, true),
    /**
     * When it happened: a TIMESTAMP WITH TIME ZONE, or a TIMESTAMP without one, read in the
     * mapping's time zone.
     */
    INTERACTION_OCCURRED_AT(Entity.INTERACTIONS, "occurred_at", Kind.MOMENT, true),
    /** The channel, as crmkit spells it ({@code phone}, {@code email}, ...): a text column or a fixed value. */
    INTERACTION_CHANNEL(Entity.INTERACTIONS, "channel", Kind.CHANNEL, true),
    /** The kind, as crmkit spells it ({@code inquiry}, {@code meeting}, ...): a text column or a fixed value. */
    INTERACTION_KIND(Entity.INTERACTIONS, "kind", Kind.INTERACTION_KIND, true),
    /** The key of the staff member who had the contact. */
    INTERACTION_STAFF_ID(Entity.INTERACTIONS, "staff_id", Kind.KEY, false),
    /** The outcome, free text. */
    INTERACTION_OUTCOME(Entity.INTERACTIONS, "outcome", Kind.TEXT, false),

    /** The case's key: text or an integer column, read as text. */
    COMPLAINT_ID(Entity.COMPLAINTS, "id", Kind.KEY, true),
    /** The key of the customer who complained, as {@link #CUSTOMER_ID} reads it. */
    COMPLAINT_CUSTOMER_ID(Entity.COMPLAINTS, "customer_id", Kind.KEY, true),
    /**
     * When the case was opened: a TIMESTAMP WITH TIME ZONE, or a TIMESTAMP without one, read in
     * the mapping's time zone.
     */
    COMPLAINT_OPENED_AT(Entity.COMPLAINTS, "opened_at", Kind.MOMENT, true),
    /**
     * {@code complaint} or {@code inquiry}: a text column or a fixed value; {@code complaint} when
     * left out.
     */
    COMPLAINT_KIND(Entity.COMPLAINTS, "kind", Kind.CASE_KIND, false, "complaint"),
    /** The priority at opening, {@code P1} to {@code P4}: a text column or a fixed value. */
    COMPLAINT_PRIORITY(Entity.COMPLAINTS, "priority", Kind.PRIORITY, false),
    /** The cause, free text, for the weekly review of causes. */
    COMPLAINT_CAUSE(Entity.COMPLAINTS, "cause", Kind.TEXT, false),
    /** The channel the case came in through, as crmkit spells it: a text column or a fixed value. */
    COMPLAINT_CHANNEL(Entity.COMPLAINTS, "channel", Kind.CHANNEL, false),

    /** The key of the case the event belongs to, as {@link #COMPLAINT_ID} reads it. */
    COMPLAINT_EVENT_CASE_ID(Entity.COMPLAINT_EVENTS, "case_id", Kind.KEY, true),
    /**
     * When it happened: a TIMESTAMP WITH TIME ZONE, or a TIMESTAMP without one, read in the
     * mapping's time zone. A case's events are read in this order.
     */
    COMPLAINT_EVENT_OCCURRED_AT(Entity.COMPLAINT_EVENTS, "occurred_at", Kind.MOMENT, true),
    /**
     * What happened, as crmkit spells it ({@code responded}, {@code resolved}, ...): a text column
     * or a fixed value (for a table of responses, say).
     */
    COMPLAINT_EVENT_TYPE(Entity.COMPLAINT_EVENTS, "event_type", Kind.CASE_EVENT_TYPE, true),
    /** Free text; the new priority of a {@code priority_changed} event. */
    COMPLAINT_EVENT_DETAIL(Entity.COMPLAINT_EVENTS, "detail", Kind.TEXT, false),
    /**
     * The order of a case's events that happened at the same moment: an integer column, such as
     * the event table's serial key. Left out, such events are read in the text order of their
     * {@link #COMPLAINT_EVENT_TYPE}, which may not be the order they were recorded in.
     */
    COMPLAINT_EVENT_SEQUENCE_NUMBER(Entity.COMPLAINT_EVENTS, "sequence_number", Kind.INTEGER, false),

    /** The key of the order the line belongs to, as {@link #ORDER_ID} reads it. */
    ORDER_LINE_ORDER_ID(Entity.ORDER_LINES, "order_id", Kind.KEY, true),
    /** The line's place in its order, from 1: an integer column. */
    ORDER_LINE_NUMBER(Entity.ORDER_LINES, "line_number", Kind.INTEGER, true),
    /** The product's key: text or an integer column, read as text. */
    ORDER_LINE_PRODUCT_ID(Entity.ORDER_LINES, "product_id", Kind.KEY, true),
    /** The product category. */
    ORDER_LINE_CATEGORY(Entity.ORDER_LINES, "category", Kind.TEXT, false),
    /** How many: an exact number (NUMERIC, DECIMAL or an integer), negative for returns. */
    ORDER_LINE_QUANTITY(Entity.ORDER_LINES, "quantity", Kind.DECIMAL, true),
    /** The price of one: an exact number. */
    ORDER_LINE_UNIT_PRICE(Entity.ORDER_LINES, "unit_price", Kind.MONEY, true),
    /** The line's amount: an exact number, in the currency of the price. */
    ORDER_LINE_AMOUNT(Entity.ORDER_LINES, "amount", Kind.MONEY, true),
    /** The ISO 4217 currency of price and amount: a text column or a fixed code. */
    ORDER_LINE_CURRENCY(Entity.ORDER_LINES, "currency", Kind.CURRENCY, true),

    /** The invoice's key: text or an integer column, read as text. */
    INVOICE_ID(Entity.INVOICES, "id", Kind.KEY, true),
    /** The key of the customer invoiced, as {@link #CUSTOMER_ID} reads it. */
    INVOICE_CUSTOMER_ID(Entity.INVOICES, "customer_id", Kind.KEY, true),
    /** The day it was issued: a DATE, or a TIMESTAMP without time zone (its day). */
    INVOICE_ISSUED_ON(Entity.INVOICES, "issued_on", Kind.DAY, true),
    /** The day it is due: a DATE, or a TIMESTAMP without time zone (its day). */
    INVOICE_DUE_ON(Entity.INVOICES, "due_on", Kind.DAY, true),
    /** The amount invoiced: an exact number, negative for credit notes. */
    INVOICE_AMOUNT(Entity.INVOICES, "amount", Kind.MONEY, true),
    /** The amount's ISO 4217 currency: a text column or a fixed code. */
    INVOICE_CURRENCY(Entity.INVOICES, "currency", Kind.CURRENCY, true),

    /** The payment's key: text or an integer column, read as text. */
    PAYMENT_ID(Entity.PAYMENTS, "id", Kind.KEY, true),
    /** The key of the invoice paid, as {@link #INVOICE_ID} reads it. */
    PAYMENT_INVOICE_ID(Entity.PAYMENTS, "invoice_id", Kind.KEY, true),
    /** The day it was paid: a DATE, or a TIMESTAMP without time zone (its day). */
    PAYMENT_PAID_ON(Entity.PAYMENTS, "paid_on", Kind.DAY, true),
    /** The amount paid: an exact number, negative for refunds. */
    PAYMENT_AMOUNT(Entity.PAYMENTS, "amount", Kind.MONEY, true),
    /** The amount's ISO 4217 currency: a text column or a fixed code. */
    PAYMENT_CURRENCY(Entity.PAYMENTS, "currency", Kind.CURRENCY, true);

    /** What a field's column must hold, and whether a fixed value may stand in for it. */
    public enum Kind {
        /** A key: a text column, or an integer one (INTEGER, BIGINT, NUMERIC without decimals), read as text. */
        KEY(false),
        /** Text. */
        TEXT(true),
        /** A day: DATE, or a TIMESTAMP without time zone. */
        DAY(false),
        /** An exact number: NUMERIC, DECIMAL or an integer; never a binary floating-point type. */
        DECIMAL(false),
        /** An amount of money: an exact number, as {@link #DECIMAL}. */
        MONEY(false),
        /** A moment: TIMESTAMP WITH TIME ZONE, or a TIMESTAMP without one in the mapping's time zone. */
        MOMENT(false),
        /** A truth value: BOOLEAN. */
        BOOLEAN(true),
        /** An ISO 4217 currency code, as text. */
        CURRENCY(true),
        /** A channel key, as text. */
        CHANNEL(true),
        /** An interaction kind key, as text. */
        INTERACTION_KIND(true),
        /** A case kind key ({@code complaint}, {@code inquiry}), as text. */
        CASE_KIND(true),
        /** A priority, {@code P1} to {@code P4}, as text. */
        PRIORITY(true),
        /** A case event type key ({@code responded}, ...), as text. */
        CASE_EVENT_TYPE(true),
        /** A whole number: INTEGER, BIGINT, or NUMERIC without decimals. */
        INTEGER(false);

        private final boolean fixable;

        Kind(boolean fixable) {
            this.fixable = fixable;
        }

        /** @return whether a fixed value may stand in for a column */
        public boolean fixable() {
            return fixable;
        }
    }

    private final Entity entity;
    private final String key;
    private final Kind kind;
    private final boolean required;
    private final @Nullable String whenAbsent;

    Field(Entity entity, String key, Kind kind, boolean required) {
        this(entity, key, kind, required, null);
    }

    Field(Entity entity, String key, Kind kind, boolean required, @Nullable String whenAbsent) {
        this.entity = entity;
        this.key = key;
        this.kind = kind;
        this.required = required;
        this.whenAbsent = whenAbsent;
    }

    /** @return the entity the field belongs to */
    public Entity entity() {
        return entity;
    }

    /** @return the field's key in a mapping file, which is also crmkit's column name, e.g. {@code amount} */
    public String key() {
        return key;
    }

    /** @return what its column must hold */
    public Kind kind() {
        return kind;
    }

    /** @return whether a mapping of the entity must name a column or a fixed value for it */
    public boolean required() {
        return required;
    }

    /**
     * The value an optional field reads as when a mapping leaves it out, as a fixed value would
     * give it.
     *
     * @return e.g. {@code false}, or empty if the field then reads as absent (NULL)
     */
    public Optional<String> whenAbsent() {
        return Optional.ofNullable(whenAbsent);
    }
}
