package org.crmkit.core.memory;

import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.CrmStore;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.LifecycleHistory;
import org.crmkit.core.port.OrderLines;
import org.crmkit.core.port.PublishedEvents;
import org.crmkit.core.port.PurchaseHistory;
import org.crmkit.core.port.Receivables;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.SurveyAnswers;
import org.crmkit.core.port.TierAssignments;

/**
 * All ports in memory, for tests, examples and applications that load their data themselves.
 * Each store is independent; its ports are thread-safe.
 *
 * <pre>{@code
 * InMemoryStore store = InMemoryStore.create();
 * store.customers().save(Customer.of(CustomerId.of("c-1"), "ACME", LocalDate.of(2025, 1, 6)));
 * store.purchases().record(Purchase.of(PurchaseId.of("o-1"), CustomerId.of("c-1"),
 *         LocalDate.of(2026, 2, 3), Money.of("CNY", "120000.00")));
 * }</pre>
 */
public final class InMemoryStore implements CrmStore {
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryPurchaseHistory purchases = new InMemoryPurchaseHistory();
    private final InMemoryInteractionLog interactions = new InMemoryInteractionLog();
    private final InMemoryTierAssignments tierAssignments = new InMemoryTierAssignments();
    private final InMemoryServiceCases cases = new InMemoryServiceCases();
    private final InMemoryCaseEventLog caseEvents = new InMemoryCaseEventLog();
    private final InMemoryPublishedEvents publishedEvents = new InMemoryPublishedEvents();
    private final InMemorySurveyAnswers surveys = new InMemorySurveyAnswers();
    private final InMemoryLifecycleHistory lifecycle = new InMemoryLifecycleHistory();
    private final InMemoryOrderLines orderLines = new InMemoryOrderLines();
    private final InMemoryReceivables receivables = new InMemoryReceivables();
    private final InMemoryFactsSource facts = new InMemoryFactsSource(customers, purchases, interactions, surveys);

    private InMemoryStore() {
    }

    /** @return a new, empty store */
    public static InMemoryStore create() {
        return new InMemoryStore();
    }

    /** @return the customers */
    @Override
    public Customers customers() {
        return customers;
    }

    /** @return the purchase history */
    @Override
    public PurchaseHistory purchases() {
        return purchases;
    }

    /** @return the interaction log */
    @Override
    public InteractionLog interactions() {
        return interactions;
    }

    /** @return the tier assignment history */
    @Override
    public TierAssignments tierAssignments() {
        return tierAssignments;
    }

    /**
     * Facts computed in memory from this store's customers, purchases, interactions and survey
     * answers, by the reference definition {@link org.crmkit.core.facts.FactsCalculator}.
     *
     * @return the facts source
     */
    @Override
    public CustomerFactsSource facts() {
        return facts;
    }

    /** @return the service cases (complaints and inquiries) */
    @Override
    public ServiceCases cases() {
        return cases;
    }

    /** @return the events of service cases */
    @Override
    public CaseEventLog caseEvents() {
        return caseEvents;
    }

    /** @return the survey answers */
    @Override
    public SurveyAnswers surveys() {
        return surveys;
    }

    /** @return the lifecycle transitions */
    @Override
    public LifecycleHistory lifecycleHistory() {
        return lifecycle;
    }

    /** @return the keys of events already published */
    @Override
    public PublishedEvents publishedEvents() {
        return publishedEvents;
    }

    /** @return the lines of the orders */
    @Override
    public OrderLines orderLines() {
        return orderLines;
    }

    /** @return the invoices and payments */
    @Override
    public Receivables receivables() {
        return receivables;
    }

    /**
     * A facts source over any implementations of the record ports, computing in memory with the
     * reference definition.
     *
     * @param customers the customers; not null
     * @param purchases the purchases; not null
     * @param interactions the interactions; not null
     * @param surveys the survey answers; not null
     * @return the source
     */
    public static CustomerFactsSource factsOver(Customers customers, PurchaseHistory purchases,
            InteractionLog interactions, SurveyAnswers surveys) {
        return new InMemoryFactsSource(customers, purchases, interactions, surveys);
    }

    /**
     * A facts source over record ports of a system that keeps no interactions at all: every
     * customer's inquiries are unknown ({@link org.crmkit.core.metrics.CustomerMetrics#withInquiriesUnknown}),
     * so that a condition on them says so instead of reading 0.
     *
     * @param customers the customers; not null
     * @param purchases the purchases; not null
     * @param surveys the survey answers; not null
     * @return the source
     */
    public static CustomerFactsSource factsWithoutInteractions(Customers customers, PurchaseHistory purchases,
            SurveyAnswers surveys) {
        return new InMemoryFactsSource(customers, purchases, surveys);
    }
}
