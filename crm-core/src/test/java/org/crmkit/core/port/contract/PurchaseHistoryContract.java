package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.PurchaseHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link PurchaseHistory} implementation must show. An adapter's test extends
 * this class and implements {@link #newPurchaseHistory()}; test methods are public so that
 * subclasses in other packages inherit them.
 */
public abstract class PurchaseHistoryContract {
    private static final CustomerId ACME = CustomerId.of("c-1");
    private static final CustomerId OTHER = CustomerId.of("c-2");
    private static final LocalDate DAY = LocalDate.of(2026, 2, 3);
    private static final DateWindow ALL_TIME = DateWindow.of(LocalDate.MIN, LocalDate.MAX);

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract PurchaseHistory newPurchaseHistory();

    private static Purchase purchase(String id, CustomerId customer, LocalDate day) {
        return Purchase.of(PurchaseId.of(id), customer, day, Money.of("CNY", "100.00"));
    }

    private static List<String> ids(List<Purchase> purchases) {
        return purchases.stream().map(purchase -> purchase.id().value()).toList();
    }

    @Test
    public void findsNothingForACustomerWithoutPurchases() {
        PurchaseHistory purchases = newPurchaseHistory();
        purchases.record(purchase("o-1", ACME, DAY));

        assertThat(purchases.findByCustomer(OTHER, ALL_TIME)).isEmpty();
    }

    @Test
    public void roundTripsAPurchaseWithoutOptionalFacts() {
        PurchaseHistory purchases = newPurchaseHistory();
        Purchase minimal = purchase("o-1", ACME, DAY);

        purchases.record(minimal);

        List<Purchase> found = purchases.findByCustomer(ACME, DateWindow.of(DAY, DAY));
        assertThat(found).containsExactly(minimal);
        assertThat(found.get(0).category()).isEmpty();
        assertThat(found.get(0).quantity()).isEmpty();
    }

    @Test
    public void roundTripsEveryField() {
        PurchaseHistory purchases = newPurchaseHistory();
        Purchase full = Purchase.of(PurchaseId.of("ERP/2026/000417-03"), ACME, DAY, Money.of("CNY", "1234567.891"))
                .withCategory("阀门 / valves")
                .withQuantity(new BigDecimal("0.000123456789012345"));

        purchases.record(full);

        Purchase found = purchases.findByCustomer(ACME, DateWindow.of(DAY, DAY)).get(0);
        assertThat(found).isEqualTo(full);
        assertThat(found.id()).isEqualTo(PurchaseId.of("ERP/2026/000417-03"));
        assertThat(found.customerId()).isEqualTo(ACME);
        assertThat(found.orderDate()).isEqualTo(DAY);
        assertThat(found.amount().amount()).isEqualTo(new BigDecimal("1234567.891"));
        assertThat(found.amount().currency().getCurrencyCode()).isEqualTo("CNY");
        assertThat(found.category()).contains("阀门 / valves");
        assertThat(found.quantity()).contains(new BigDecimal("0.000123456789012345"));
    }

    @ParameterizedTest
    @CsvSource({
        "CNY, 10, 10.00",
        "CNY, 0.005, 0.005",
        "CNY, 99999999999999.99, 99999999999999.99",
        "CNY, 0, 0.00",
        "JPY, 1500, 1500",
        "JPY, 1500.5, 1500.5",
        "BHD, 1.5, 1.500",
        "USD, 0.123456789012345678, 0.123456789012345678",
    })
    public void keepsTheExactAmountAndItsScale(String currency, String given, String stored) {
        PurchaseHistory purchases = newPurchaseHistory();
        purchases.record(Purchase.of(PurchaseId.of("o-1"), ACME, DAY, Money.of(currency, given)));

        Money found = purchases.findByCustomer(ACME, ALL_TIME).get(0).amount();

        assertThat(found).isEqualTo(Money.of(currency, given));
        assertThat(found.amount().toPlainString()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2.50", "12.000", "0.000000000000000001", "3.14159265358979323", "987654321.5"})
    public void keepsTheQuantityWithItsScale(String quantity) {
        PurchaseHistory purchases = newPurchaseHistory();
        purchases.record(purchase("o-1", ACME, DAY).withQuantity(new BigDecimal(quantity)));

        BigDecimal found = purchases.findByCustomer(ACME, ALL_TIME).get(0).quantity().orElseThrow();

        assertThat(found.toPlainString()).isEqualTo(quantity);
        assertThat(found.scale()).isEqualTo(new BigDecimal(quantity).scale());
    }

    @Test
    public void ordersByDayThenId() {
        PurchaseHistory purchases = newPurchaseHistory();
        LocalDate later = DAY.plusDays(1);
        purchases.record(purchase("o-9", ACME, later));
        purchases.record(purchase("o-b", ACME, DAY));
        purchases.record(purchase("o-10", ACME, later));
        purchases.record(purchase("o-a", ACME, DAY));
        purchases.record(purchase("O-z", ACME, DAY));

        List<Purchase> found = purchases.findByCustomer(ACME, ALL_TIME);

        // Ids compare as Strings: upper case before lower case, "o-10" before "o-9".
        assertThat(ids(found)).containsExactly("O-z", "o-a", "o-b", "o-10", "o-9");
    }

    @Test
    public void includesBothEndsOfTheWindowAndNothingOutside() {
        PurchaseHistory purchases = newPurchaseHistory();
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 3, 31);
        purchases.record(purchase("o-before", ACME, start.minusDays(1)));
        purchases.record(purchase("o-start", ACME, start));
        purchases.record(purchase("o-inside", ACME, LocalDate.of(2026, 2, 14)));
        purchases.record(purchase("o-end", ACME, end));
        purchases.record(purchase("o-after", ACME, end.plusDays(1)));

        List<Purchase> found = purchases.findByCustomer(ACME, DateWindow.of(start, end));

        assertThat(ids(found)).containsExactly("o-start", "o-inside", "o-end");
    }

    @Test
    public void aOneDayWindowFindsThatDayOnly() {
        PurchaseHistory purchases = newPurchaseHistory();
        purchases.record(purchase("o-1", ACME, DAY.minusDays(1)));
        purchases.record(purchase("o-2", ACME, DAY));
        purchases.record(purchase("o-3", ACME, DAY.plusDays(1)));

        assertThat(ids(purchases.findByCustomer(ACME, DateWindow.of(DAY, DAY)))).containsExactly("o-2");
    }

    @Test
    public void anUnboundedWindowFindsEveryPurchaseOfTheCustomer() {
        PurchaseHistory purchases = newPurchaseHistory();
        purchases.record(purchase("o-1", ACME, LocalDate.of(1990, 1, 1)));
        purchases.record(purchase("o-2", ACME, LocalDate.of(2099, 12, 31)));
        purchases.record(purchase("o-3", ACME, DAY));

        assertThat(ids(purchases.findByCustomer(ACME, ALL_TIME))).containsExactly("o-1", "o-3", "o-2");
    }

    @Test
    public void findsOnlyTheGivenCustomersPurchases() {
        PurchaseHistory purchases = newPurchaseHistory();
        purchases.record(purchase("o-1", ACME, DAY));
        purchases.record(purchase("o-2", OTHER, DAY));
        purchases.record(purchase("o-3", ACME, DAY));

        assertThat(ids(purchases.findByCustomer(ACME, ALL_TIME))).containsExactly("o-1", "o-3");
        assertThat(ids(purchases.findByCustomer(OTHER, ALL_TIME))).containsExactly("o-2");
    }

    @Test
    public void recordingTheSamePurchaseAgainChangesNothing() {
        PurchaseHistory purchases = newPurchaseHistory();
        Purchase purchase = purchase("o-1", ACME, DAY).withCategory("pumps").withQuantity(new BigDecimal("2.50"));
        purchases.record(purchase);

        purchases.record(purchase);
        // An equal value built another way is the same purchase: 100 CNY equals 100.00 CNY.
        purchases.record(Purchase.of(PurchaseId.of("o-1"), ACME, DAY, Money.of("CNY", "100"))
                .withCategory("pumps").withQuantity(new BigDecimal("2.50")));

        assertThat(purchases.findByCustomer(ACME, ALL_TIME)).containsExactly(purchase);
    }

    @Test
    public void rejectsAnotherPurchaseWithARecordedId() {
        PurchaseHistory purchases = newPurchaseHistory();
        Purchase original = purchase("o-1", ACME, DAY);
        purchases.record(original);
        Purchase conflicting = Purchase.of(PurchaseId.of("o-1"), ACME, DAY, Money.of("CNY", "100.01"));

        assertThatThrownBy(() -> purchases.record(conflicting))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-1' is already recorded with other values");
        assertThat(purchases.findByCustomer(ACME, ALL_TIME)).containsExactly(original);
    }

    @Test
    public void rejectsARecordedIdForAnotherCustomer() {
        PurchaseHistory purchases = newPurchaseHistory();
        Purchase original = purchase("o-1", ACME, DAY);
        purchases.record(original);

        assertThatThrownBy(() -> purchases.record(purchase("o-1", OTHER, DAY)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-1' is already recorded with other values");
        assertThat(purchases.findByCustomer(OTHER, ALL_TIME)).isEmpty();
        assertThat(purchases.findByCustomer(ACME, ALL_TIME)).containsExactly(original);
    }

    @Test
    public void rejectsARecordedIdWithAnotherOptionalFact() {
        PurchaseHistory purchases = newPurchaseHistory();
        purchases.record(purchase("o-1", ACME, DAY));

        assertThatThrownBy(() -> purchases.record(purchase("o-1", ACME, DAY).withCategory("pumps")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-1' is already recorded with other values");
    }
}
