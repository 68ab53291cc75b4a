package org.crmkit.rules.tiering;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/** Builds metrics snapshots for tests; every field defaults to "nothing happened". */
final class Snapshot {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private String customerId = "c-1";
    private String spend = "0";
    private String currency = "CNY";
    private int orders;
    private int activeQuarters;
    private int inquiries;
    private boolean inquiriesKnown = true;
    private int tenureMonths = 24;
    private boolean strategicAgreement;
    private LocalDate asOf = AS_OF;

    static Snapshot customer(String id) {
        Snapshot snapshot = new Snapshot();
        snapshot.customerId = id;
        return snapshot;
    }

    static Snapshot any() {
        return new Snapshot();
    }

    Snapshot spend(String amount) {
        this.spend = amount;
        return this;
    }

    Snapshot currency(String code) {
        this.currency = code;
        return this;
    }

    Snapshot orders(int count) {
        this.orders = count;
        return this;
    }

    Snapshot activeQuarters(int count) {
        this.activeQuarters = count;
        return this;
    }

    Snapshot inquiries(int count) {
        this.inquiries = count;
        return this;
    }

    /** Inquiries unknown, as from a source without interactions data. */
    Snapshot inquiriesUnknown() {
        this.inquiries = 0;
        this.inquiriesKnown = false;
        return this;
    }

    Snapshot tenureMonths(int months) {
        this.tenureMonths = months;
        return this;
    }

    Snapshot strategicAgreement(boolean agreement) {
        this.strategicAgreement = agreement;
        return this;
    }

    Snapshot asOf(LocalDate day) {
        this.asOf = day;
        return this;
    }

    /** Spend with one order per active quarter, as a buying customer would have. */
    Snapshot buyer(String amount, int quarters) {
        return spend(amount).orders(Math.max(1, quarters)).activeQuarters(quarters);
    }

    CustomerMetrics build() {
        return new CustomerMetrics(CustomerId.of(customerId), asOf, DateWindow.trailingMonths(12, asOf),
                Money.of(currency, spend), orders, activeQuarters, inquiries, inquiriesKnown, tenureMonths, strategicAgreement,
                orders > 0 ? Optional.of(asOf.minusDays(10)) : Optional.empty());
    }
}
