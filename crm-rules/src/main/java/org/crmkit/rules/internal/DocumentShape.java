package org.crmkit.rules.internal;

import static org.crmkit.rules.internal.section.Shape.fields;
import static org.crmkit.rules.internal.section.Shape.flag;
import static org.crmkit.rules.internal.section.Shape.list;
import static org.crmkit.rules.internal.section.Shape.named;
import static org.crmkit.rules.internal.section.Shape.pattern;
import static org.crmkit.rules.internal.section.Shape.text;
import static org.crmkit.rules.internal.section.Shape.whole;

import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Shape;

/**
 * The structure of a whole policy document: the header and the calendars, which every capability
 * shares, then the keys of every registered section ({@link PolicySections#ALL}).
 */
public final class DocumentShape {
    /** The evaluation window: exactly one of its keys. */
    static final Shape.Fields WINDOW = fields("The window of days the metrics cover; default the trailing 12"
            + " months. Give exactly one key.")
            .optional("trailing_months", whole(1, "Calendar months up to the as-of day."))
            .optional("trailing_days", whole(1, "Days up to the as-of day."))
            .build();

    /** One business calendar. */
    static final Shape.Fields CALENDAR = fields("A business calendar: working hours, holidays and make-up days.")
            .optional("time_zone", text("An IANA time zone; default the policy's."))
            .optional("always_open", flag("Open all the time; then only time_zone may be given."))
            .optional("hours", named("^(?i)(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$",
                    list(text("A working interval such as 09:00-18:00."), 0, "The day's working intervals."),
                    "Working intervals per day or day range (mon-fri); required unless always_open."))
            .optional("holidays", list(Shape.DATE, 0, "Days off."))
            .optional("extra_working_days", list(Shape.DATE, 0, "Make-up working days."))
            .optional("extra_working_hours", list(text("A working interval with its day."), 0,
                    "Extra working intervals."))
            .optional("files", list(text("A CSV file with the columns date and type (holiday or working_day),"
                    + " relative to the policy file."), 0, "Holiday files."))
            .optional("jollyday", fields("Public holidays from Jollyday.")
                    .required("country", text("An ISO 3166 country code such as CN."))
                    .optional("subdivisions", list(text("A subdivision code."), 0, "Subdivisions."))
                    .build())
            .build();

    private DocumentShape() {
    }

    /** @return the whole document: header, calendars and every registered section's keys */
    public static Shape.Fields document() {
        Shape.FieldsBuilder document = fields("A crmkit policy file.")
                .required("id", text("The policy's id, at most 128 characters."))
                .required("version", text("The policy's version, at most 128 characters."))
                .required("effective_from", Shape.DATE)
                .required("currency", pattern("^[A-Z]{3}$", "The ISO 4217 currency of every amount, e.g. CNY."))
                .optional("exchange_rates", named("^[A-Z]{3}$", Shape.positive("How much one unit of the currency"
                        + " is in the policy's currency, e.g. 7.10."), "Fixed rates that convert purchases in other"
                        + " currencies into the policy's, by ISO 4217 code, e.g. {USD: \"7.10\"}; each purchase is"
                        + " converted, then rounded half-even to the currency's decimals. Without a rate, a customer"
                        + " with a purchase in another currency is not evaluable."))
                .required("time_zone", text("The IANA time zone of dates, e.g. Asia/Shanghai."))
                .optional("window", WINDOW)
                .optional("calendars", named("^[a-z][a-z0-9_-]{0,31}$", CALENDAR,
                        "Business calendars by name; 24x7 is built in."));
        for (PolicySection<?> section : PolicySections.ALL) {
            section.shapes().forEach((key, shape) -> {
                if (key.equals("tiers")) {
                    document.required(key, shape);
                } else {
                    document.optional(key, shape);
                }
            });
        }
        return document.build();
    }
}
