package org.crmkit.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.PersistenceException;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.CrmStore;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.ExchangeRateTable;
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
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.AgendaSink;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.jdbc.job.AgendaJob;
import org.crmkit.jdbc.job.AssessmentJob;
import org.crmkit.jdbc.job.EventOutbox;
import org.crmkit.jdbc.job.SlaJob;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.crmkit.jdbc.mapping.MappingException;
import org.crmkit.jdbc.mapping.ReadOnlyEntityException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All ports on a relational database through plain JDBC: H2, embedded, by default, or
 * PostgreSQL. Creating a store migrates crmkit's tables (all named {@code crm_...}) with Flyway,
 * keeping its own history table {@code crmkit_schema_history}, so that crmkit can share a
 * database and schema with an application that has tables and migrations of its own.
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.h2File(Path.of("data/crm"))) {
 *     store.customers().save(Customer.of(CustomerId.of("c-1"), "ACME", LocalDate.of(2025, 1, 6)));
 *     store.facts().forEach(FactsQuery.metricsOnly(query), facts -> ...);
 * }
 * }</pre>
 *
 * <p>Over an ERP's database, {@link #create(DataSource, ErpMapping)} reads customers, orders,
 * order lines, interactions, complaints and their events, invoices and payments from the ERP's own
 * tables, views or queries where they are, as a mapping says; those ports only read (their writes
 * throw {@link ReadOnlyEntityException}), and the facts are computed in SQL over the mapped tables.
 * crmkit's own tables still keep what crmkit writes (tier assignments, survey answers, lifecycle,
 * published events) and the entities the mapping leaves out.
 *
 * <p>Every port opens a connection per call and runs it in a transaction of its own. Storage
 * failures surface as {@link PersistenceException} naming the operation and ids, never personal
 * data. Values beyond what the schema keeps are refused with {@link InvalidValueException}: days
 * and moments outside the years 1 to 9999, amounts or quantities with more than 18 decimal places
 * or 20 integer digits, and published-event keys longer than 512 characters. Thread-safe, as far
 * as the data source is.
 */
public final class JdbcStore implements CrmStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    private static final String MIGRATIONS = "classpath:org/crmkit/jdbc/migration";
    private static final String HISTORY_TABLE = "crmkit_schema_history";
    private static final Pattern H2_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Customers customers;
    private final PurchaseHistory purchases;
    private final InteractionLog interactions;
    private final TierAssignments tierAssignments;
    private final JdbcFactsSource facts;
    private final ServiceCases cases;
    private final CaseEventLog caseEvents;
    private final PublishedEvents publishedEvents;
    private final SurveyAnswers surveys;
    private final LifecycleHistory lifecycleHistory;
    private final OrderLines orderLines;
    private final Receivables receivables;
    private final EventOutbox outbox;
    private final JdbcExchangeRateTable exchangeRates;
    private final Optional<Connection> keepAlive;
    private final Database database;
    private final Relations relations;

    private JdbcStore(Database database, Relations relations, Optional<Connection> keepAlive) {
        this.database = database;
        this.relations = relations;
        this.customers = new JdbcCustomers(database, relations.customers());
        this.purchases = new JdbcPurchaseHistory(database, relations.orders());
        this.interactions = relations.keepsInteractions() ? new JdbcInteractionLog(database, relations.interactions())
                : new NoInteractionLog();
        this.tierAssignments = new JdbcTierAssignments(database);
        this.facts = new JdbcFactsSource(database, relations);
        this.cases = new JdbcServiceCases(database, relations.complaints());
        this.caseEvents = new JdbcCaseEventLog(database, relations.complaintEvents());
        this.publishedEvents = new JdbcPublishedEvents(database);
        this.surveys = new JdbcSurveyAnswers(database);
        this.lifecycleHistory = new JdbcLifecycleHistory(database);
        this.orderLines = new JdbcOrderLines(database, relations.orderLines());
        this.receivables = new JdbcReceivables(database, relations.invoices(), relations.payments());
        this.outbox = new JdbcEventOutbox(database);
        this.exchangeRates = new JdbcExchangeRateTable(database);
        this.keepAlive = keepAlive;
    }

    /**
     * A store on an application's data source, H2 or PostgreSQL; migrates the schema first. The
     * data source stays the application's: {@link #close()} leaves it alone. On PostgreSQL, the
     * driver property {@code logServerErrorDetail=false} keeps row values out of driver messages.
     *
     * @param dataSource where the tables live (the connection's current schema); not null
     * @return the store
     * @throws InvalidValueException if the database is neither H2 nor PostgreSQL
     * @throws PersistenceException if the database cannot be reached or migrated
     */
    public static JdbcStore create(DataSource dataSource) {
        return create(dataSource, ErpMapping.crmkitTables());
    }

    /**
     * A store on an ERP's database that reads the customers, orders, order lines, interactions,
     * complaints and their events, invoices and payments where the mapping says. The mapping is
     * checked against the database's metadata first, only reading it; crmkit's own tables are
     * migrated only once it fits, so a mapping that names a missing table or column, or a column of
     * a type its field cannot be read from, leaves the database as it was.
     *
     * @param dataSource where the tables live; not null
     * @param mapping where each entity is read from; {@link ErpMapping#crmkitTables()} for crmkit's own; not null
     * @return the store
     * @throws MappingException naming every problem of the mapping on this database
     * @throws InvalidValueException if the database is neither H2 nor PostgreSQL
     * @throws PersistenceException if the database cannot be reached or migrated
     */
    public static JdbcStore create(DataSource dataSource, ErpMapping mapping) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(mapping, "mapping");
        Database database = new Database(dataSource::getConnection, dialectOf(dataSource::getConnection));
        Relations relations = MappingCheck.resolve(dataSource::getConnection, mapping);
        migrate(Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(dataSource));
        return new JdbcStore(database, relations, Optional.empty());
    }

    /**
     * A store in a private H2 in-memory database, for tests and short-lived tools. The database
     * lives until {@link #close()}; another store with the same name in the same JVM meanwhile
     * shares it.
     *
     * @param name the database name: letters, digits, {@code _} and {@code -}; not null
     * @return the store
     * @throws InvalidValueException if the name has other characters
     * @throws PersistenceException if H2 is missing from the class path or the migration fails
     */
    public static JdbcStore h2InMemory(String name) {
        Objects.requireNonNull(name, "name");
        if (!H2_NAME.matcher(name).matches()) {
            throw new InvalidValueException("H2 database name must be 1 to 64 letters, digits, '_' or '-', was '"
                    + name + "'");
        }
        return h2("jdbc:h2:mem:" + name, "open the H2 in-memory database '" + name + "'");
    }

    /**
     * A store in an H2 database file, the embedded default for applications without a database
     * server. H2 adds {@code .mv.db} to the path; missing parent directories are created.
     *
     * @param path the file, without the {@code .mv.db} suffix; not null
     * @return the store, to be closed when done so that H2 writes and releases the file
     * @throws InvalidValueException if the path contains {@code ;}, which H2 would read as settings
     * @throws PersistenceException if the file cannot be opened or migrated
     */
    public static JdbcStore h2File(Path path) {
        Objects.requireNonNull(path, "path");
        String file = path.toAbsolutePath().normalize().toString();
        if (file.contains(";")) {
            throw new InvalidValueException("H2 database path must not contain ';', was '" + path + "'");
        }
        return h2("jdbc:h2:file:" + file, "open the H2 database file");
    }

    private static JdbcStore h2(String url, String operation) {
        Connection keepAlive;
        try {
            // H2 keeps a database open while a connection is; this one lasts until close().
            keepAlive = DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw Database.failure("Could not " + operation, e);
        }
        try {
            Database database = new Database(() -> DriverManager.getConnection(url), Dialect.H2);
            migrate(Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(url, "", ""));
            return new JdbcStore(database, Relations.OWN, Optional.of(keepAlive));
        } catch (RuntimeException e) {
            closeQuietly(keepAlive, e);
            throw e;
        }
    }

    private static Dialect dialectOf(Database.ConnectionSource connections) {
        try (Connection connection = connections.open()) {
            return Dialect.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw Database.failure("Could not connect to the database", e);
        }
    }

    private static void migrate(FluentConfiguration configuration) {
        try {
            int applied = configuration
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    // A schema that already holds the application's tables is fine: start from
                    // version 0, so that crmkit's version 1 still runs.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
            LOG.debug("Migrated the crmkit schema, {} migration(s) applied", applied);
        } catch (FlywayException e) {
            throw new PersistenceException("Could not migrate the crmkit schema", e);
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** @return the customers, in {@code crm_customer} or read from the ERP's table the mapping names */
    @Override
    public Customers customers() {
        return customers;
    }

    /** @return the purchase history, in {@code crm_purchase} or read from the ERP's orders the mapping names */
    @Override
    public PurchaseHistory purchases() {
        return purchases;
    }

    /** @return the interaction log, in {@code crm_interaction} or read from the ERP's table the mapping names */
    @Override
    public InteractionLog interactions() {
        return interactions;
    }

    /** @return the tier assignment history, in {@code crm_tier_assignment} */
    @Override
    public TierAssignments tierAssignments() {
        return tierAssignments;
    }

    /**
     * Facts computed in SQL, one query streaming a row per customer, from this store's customers,
     * purchases, interactions and survey answers.
     *
     * @return the facts source
     */
    @Override
    public CustomerFactsSource facts() {
        return facts;
    }

    /**
     * Facts computed in ranges of so many customers, whatever the database: for tests that put
     * range boundaries between a few customers.
     *
     * @param customersPerRange at least 1
     * @return the facts source
     */
    CustomerFactsSource factsInRangesOf(int customersPerRange) {
        return new JdbcFactsSource(database, relations, OptionalInt.of(customersPerRange), Optional.empty());
    }

    /**
     * Facts computed in SQL as {@link #facts()} computes them, except that {@code forEach} does not
     * stop at a customer it cannot evaluate (a purchase that counts is in another currency than the
     * query's, which the query's exchange rates do not convert on its day): it reports the customer,
     * with the reason, and goes on with the next. {@code find}
     * still throws for such a customer, as {@link #facts()} does.
     *
     * @param notEvaluable called, on the thread of forEach, for each customer skipped; must not call
     *     back into the store; not null
     * @return the facts source
     */
    public CustomerFactsSource facts(Consumer<? super NotEvaluable> notEvaluable) {
        return reporting(notEvaluable);
    }

    /**
     * The dated exchange rates in {@code crm_exchange_rate}: a rate applies from its day until the
     * next one of the same two currencies. This store's facts convert through it in SQL, joining the
     * table, when a query carries it: {@code policy.withExchangeRates(store.exchangeRates())}, or
     * {@code metricsQuery.withExchangeRates(store.exchangeRates())}.
     *
     * @return the rate table
     */
    public ExchangeRateTable exchangeRates() {
        return exchangeRates;
    }

    /** @return the service cases (complaints and inquiries), in {@code crm_case} or read from the ERP's complaints */
    @Override
    public ServiceCases cases() {
        return cases;
    }

    /** @return the events of service cases, in {@code crm_case_event} or read from the ERP's complaint events */
    @Override
    public CaseEventLog caseEvents() {
        return caseEvents;
    }

    /** @return the customers' survey answers, in {@code crm_survey_answer} */
    @Override
    public SurveyAnswers surveys() {
        return surveys;
    }

    /** @return the lifecycle transitions, in {@code crm_lifecycle_transition} and {@code crm_lifecycle_reason} */
    @Override
    public LifecycleHistory lifecycleHistory() {
        return lifecycleHistory;
    }

    /** @return the keys of events already published, in {@code crm_published_event} */
    @Override
    public PublishedEvents publishedEvents() {
        return publishedEvents;
    }

    /** @return the lines of the orders, in {@code crm_order_line} or read from the ERP's order lines */
    @Override
    public OrderLines orderLines() {
        return orderLines;
    }

    /**
     * @return the invoices and payments, in {@code crm_invoice} and {@code crm_payment} or read from
     *     the ERP's invoices and payments
     */
    @Override
    public Receivables receivables() {
        return receivables;
    }

    /**
     * The nightly tiering job on this store, writing chunks of 1,000 customers: see {@link TieringJob}.
     * Its facts are this store's {@link #facts()}, its history {@link #tierAssignments()} (with
     * each assignment's reasons in {@code crm_tier_reason}), its events go to {@link #outbox()}, and
     * its runs are recorded in {@code crm_job_run}. A customer it cannot evaluate (a purchase in
     * another currency than the policy's) is left out, keeping the tier stored before, with a warning
     * naming the customer's id and the reason, and every other customer is tiered.
     *
     * @param policy the policy whose tiering section decides; not null
     * @param clock the clock for the run's start (the assignments' and events' time) and finish; not null
     * @return the job
     */
    public TieringJob tieringJob(Policy policy, Clock clock) {
        return tieringJob(policy, clock, 1_000, decision -> { });
    }

    /**
     * The nightly tiering job on this store, with a chunk size and a look at each decision; the
     * customers it cannot evaluate are logged as {@link #tieringJob(Policy, Clock)} says.
     *
     * @param policy the policy whose tiering section decides; not null
     * @param clock the clock for the run's start (the assignments' and events' time) and finish; not null
     * @param customersPerChunk customers written per transaction; at least 1
     * @param each receives every decision, in customer id order, before its chunk is committed: if it
     *     throws, the chunk is rolled back and the run stays incomplete; must not call back into the
     *     store; not null
     * @return the job
     * @throws InvalidValueException if {@code customersPerChunk} is less than 1
     */
    public TieringJob tieringJob(Policy policy, Clock clock, int customersPerChunk,
            Consumer<? super TierDecision> each) {
        return tieringJob(policy, clock, customersPerChunk, each, JdbcStore::notTiered);
    }

    /**
     * The nightly tiering job on this store, with a chunk size, a look at each decision, and where
     * the customers it cannot evaluate are reported.
     *
     * @param policy the policy whose tiering section decides; not null
     * @param clock the clock for the run's start (the assignments' and events' time) and finish; not null
     * @param customersPerChunk customers written per transaction; at least 1
     * @param each receives every decision, in customer id order, before its chunk is committed: if it
     *     throws, the chunk is rolled back and the run stays incomplete; must not call back into the
     *     store; not null
     * @param notEvaluable receives every customer left out, who keeps the tier stored before; must not
     *     call back into the store; not null
     * @return the job
     * @throws InvalidValueException if {@code customersPerChunk} is less than 1
     */
    public TieringJob tieringJob(Policy policy, Clock clock, int customersPerChunk,
            Consumer<? super TierDecision> each, Consumer<? super NotEvaluable> notEvaluable) {
        return new JdbcTieringJob(database, reporting(notEvaluable), policy, clock, customersPerChunk, each);
    }

    private static void notTiered(NotEvaluable skipped) {
        LOG.warn("Customer {} not tiered: {}", skipped.customerId(), skipped.reason());
    }

    /** Facts that report the customers they cannot evaluate and go on. */
    private JdbcFactsSource reporting(Consumer<? super NotEvaluable> notEvaluable) {
        return new JdbcFactsSource(database, relations, database.dialect().customersPerRange(),
                Optional.of(Objects.requireNonNull(notEvaluable, "notEvaluable")));
    }

    /**
     * The nightly assessment job on this store, writing chunks of 1,000 customers: see
     * {@link AssessmentJob}. Its facts are this store's, its cases {@link #cases()} and
     * {@link #caseEvents()}, its history {@link #lifecycleHistory()} and {@code crm_customer_assessment},
     * its events go to {@link #outbox()}, and its runs are recorded in {@code crm_job_run}. A customer
     * it cannot evaluate (a purchase in another currency than the policy's) is left out, with a
     * warning naming the customer's id and the reason, and every other customer is assessed.
     *
     * @param policy the policy, with {@code lifecycle} and {@code relationship} sections (and a
     *     {@code clv} section for lifetime values); not null
     * @param clock the clock for the run's start (the transitions' and events' time) and finish; not null
     * @return the job
     * @throws InvalidValueException naming a missing policy section
     */
    public AssessmentJob assessmentJob(Policy policy, Clock clock) {
        return assessmentJob(policy, clock, 1_000, assessment -> { },
                skipped -> LOG.warn("Customer {} not assessed: {}", skipped.customerId(), skipped.reason()));
    }

    /**
     * The nightly assessment job on this store, with a chunk size, a look at each assessment, and
     * where the customers it cannot evaluate are reported.
     *
     * @param policy the policy, with {@code lifecycle} and {@code relationship} sections (and a
     *     {@code clv} section for lifetime values); not null
     * @param clock the clock for the run's start (the transitions' and events' time) and finish; not null
     * @param customersPerChunk customers written per transaction; at least 1
     * @param each receives every assessment, in customer id order, before its chunk is committed: if
     *     it throws, the chunk is rolled back and the run stays incomplete; must not call back into
     *     the store; not null
     * @param notEvaluable receives, in each of the analysis' two passes, every customer left out;
     *     must not call back into the store; not null
     * @return the job
     * @throws InvalidValueException if {@code customersPerChunk} is less than 1, or naming a missing
     *     policy section
     */
    public AssessmentJob assessmentJob(Policy policy, Clock clock, int customersPerChunk,
            Consumer<? super CustomerAssessment> each, Consumer<? super NotEvaluable> notEvaluable) {
        return new JdbcAssessmentJob(database, reporting(notEvaluable), cases, caseEvents, policy, clock,
                customersPerChunk, each);
    }

    /**
     * The nightly SLA job on this store, writing chunks of the cases of 1,000 customers: see
     * {@link SlaJob}. Its cases are {@link #cases()} and {@link #caseEvents()}, the customers' tiers
     * {@link #tierAssignments()}, its state {@code crm_case_sla} and {@code crm_case_sla_milestone},
     * its events go to {@link #outbox()}, and its runs are recorded in {@code crm_job_run} under
     * {@code sla}. A case whose events make no possible history is left out, keeping its stored
     * state, with a warning naming the case's id and the event.
     *
     * @param policy the policy whose {@code sla} section decides; not null
     * @param clock the clock for the run's start and finish; not null
     * @return the job
     * @throws InvalidValueException naming a target or milestone name longer than 128 characters
     */
    public SlaJob slaJob(Policy policy, Clock clock) {
        return slaJob(policy, clock, 1_000, sla -> { });
    }

    /**
     * The nightly SLA job on this store, with a chunk size and a look at each case's SLA; as
     * {@link #slaJob(Policy, Clock)}.
     *
     * @param policy the policy whose {@code sla} section decides; not null
     * @param clock the clock for the run's start and finish; not null
     * @param customersPerChunk customers whose cases are written per transaction; at least 1
     * @param each receives every case's SLA, by customer in customer id order and each customer's
     *     cases in case id order, before its chunk is committed: if it throws, the chunk is rolled
     *     back and the run stays incomplete; must not call back into the store; not null
     * @return the job
     * @throws InvalidValueException if {@code customersPerChunk} is less than 1, or naming a target or
     *     milestone name longer than 128 characters
     */
    public SlaJob slaJob(Policy policy, Clock clock, int customersPerChunk, Consumer<? super CaseSla> each) {
        return new JdbcSlaJob(database, cases, caseEvents, policy, clock, customersPerChunk, each);
    }

    /**
     * The nightly agenda job on this store, writing chunks of 1,000 customers: see {@link AgendaJob}.
     * Run as of a day after the day's tiering, it plans the next day from this store's customers,
     * stored tiers, interactions and open complaints, into {@code crm_agenda} and
     * {@code crm_agenda_unscheduled}; its runs are recorded in {@code crm_job_run}.
     *
     * @param policy the policy, with a {@code cadences} section; not null
     * @param clock the clock for the run's start and finish; not null
     * @return the job
     * @throws IllegalArgumentException naming the policy, if it has no cadences section
     */
    public AgendaJob agendaJob(Policy policy, Clock clock) {
        return agendaJob(policy, clock, 1_000, AgendaSink.of(contact -> { }, contact -> { }, assignment -> { }));
    }

    /**
     * The nightly agenda job on this store, with a chunk size and a look at what it writes.
     *
     * @param policy the policy, with a {@code cadences} section; not null
     * @param clock the clock for the run's start and finish; not null
     * @param customersPerChunk customers (with a contact) written per transaction; at least 1
     * @param each receives every contact written and every manager assigned to a customer written,
     *     customer by customer, before its chunk is committed: if it throws, the chunk is rolled back
     *     and the run stays incomplete; must not call back into the store; not null
     * @return the job
     * @throws InvalidValueException if {@code customersPerChunk} is less than 1
     * @throws IllegalArgumentException naming the policy, if it has no cadences section
     */
    public AgendaJob agendaJob(Policy policy, Clock clock, int customersPerChunk, AgendaSink each) {
        return agendaJob(policy, clock, customersPerChunk, each, TierChunkRows.Writing.COPY_WHERE_POSSIBLE);
    }

    /** The agenda job writing as told, for tests that compare COPY with JDBC batches. */
    AgendaJob agendaJob(Policy policy, Clock clock, int customersPerChunk, AgendaSink each,
            TierChunkRows.Writing writing) {
        return new JdbcAgendaJob(database, this, facts, policy, clock, customersPerChunk, each, writing);
    }

    /** The tiering job writing as told, for tests that compare COPY with JDBC batches. */
    TieringJob tieringJob(Policy policy, Clock clock, int customersPerChunk, Consumer<? super TierDecision> each,
            TierChunkRows.Writing writing) {
        return new JdbcTieringJob(database, reporting(JdbcStore::notTiered), policy, clock, customersPerChunk, each,
                writing);
    }

    /** @return the outbox of the events the jobs wrote, in {@code crm_outbox} */
    public EventOutbox outbox() {
        return outbox;
    }

    /**
     * Releases an embedded H2 database: an in-memory one is dropped, a file is closed. A store
     * on an application's data source has nothing to release.
     *
     * @throws PersistenceException if H2 fails to close
     */
    @Override
    public void close() {
        if (keepAlive.isPresent()) {
            try {
                keepAlive.get().close();
            } catch (SQLException e) {
                throw Database.failure("Could not close the H2 database", e);
            }
        }
    }
}
