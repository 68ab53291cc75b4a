package org.crmkit.core.port;

/**
 * The ports of one storage, together: what crmkit's services read and write. crmkit has two,
 * {@code InMemoryStore} (crm-core) and {@code JdbcStore} (crm-jdbc-adapter), and a service is built
 * from either the same way ({@code TieringService.of(policy, store, events, clock)}).
 *
 * <p>An application that keeps some records in its own tables and the rest in one of crmkit's
 * stores implements this interface by delegation: its own {@link Customers} over its ERP tables,
 * say, and crmkit's ports for everything else. Every accessor returns the same port each time;
 * none returns null.
 */
public interface CrmStore {
    /** @return the customers */
    Customers customers();

    /** @return the purchase history */
    PurchaseHistory purchases();

    /** @return the interaction log */
    InteractionLog interactions();

    /** @return the customers' survey answers */
    SurveyAnswers surveys();

    /**
     * The customers' facts as of a day, computed from this store's customers, purchases,
     * interactions and survey answers.
     *
     * @return the facts source
     */
    CustomerFactsSource facts();

    /** @return the tier assignment history */
    TierAssignments tierAssignments();

    /** @return the service cases (complaints and inquiries) */
    ServiceCases cases();

    /** @return the events of service cases */
    CaseEventLog caseEvents();

    /** @return the keys of events already published, so that each is published once */
    PublishedEvents publishedEvents();

    /** @return the lifecycle transitions */
    LifecycleHistory lifecycleHistory();

    /** @return the lines of the orders: products, quantities and prices */
    OrderLines orderLines();

    /** @return the invoices and the payments against them */
    Receivables receivables();
}
