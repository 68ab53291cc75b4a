package org.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.metrics.CustomerMetrics;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The standard policy's tier rules in Drools: DRL from the classpath, compiled once to Drools'
 * executable model (the form Drools recommends since version 8), and fired in a stateless session
 * over batches of customers: {@link StatelessKieSession#execute(Iterable)} inserts a batch's facts
 * and fires all rules once, Drools' own idiom for deciding many facts. The session comes from a
 * {@link KieSessionsPool}, which resets and reuses the underlying session instead of building one
 * per batch. Batches of about a thousand facts keep the working memory small; one session over
 * 100,000 facts was several times slower in our runs, most of it in garbage collection of the
 * large working memory. Thread-safe once built; each call decides its own facts.
 */
final class DroolsTiers {
    /** The four rules, tier only. */
    static final String TIERS = "standard-tiers.drl";
    /** The four rules, each also writing its explanation, and a fifth for no tier. */
    static final String EXPLAINED = "standard-tiers-explained.drl";

    private final KieSessionsPool pool;

    private DroolsTiers(KieSessionsPool pool) {
        this.pool = pool;
    }

    /**
     * Compiles a DRL file of this package.
     *
     * @param drl {@link #TIERS} or {@link #EXPLAINED}; not null
     * @return the rules, ready to fire
     * @throws IllegalStateException if Drools reports errors in the DRL
     */
    static DroolsTiers load(String drl) {
        KieServices services = KieServices.Factory.get();
        ReleaseId release = services.newReleaseId("org.crmkit.benchmarks", drl.replace(".drl", ""), "1");
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(release);
        files.write("src/main/resources/org/crmkit/benchmarks/" + drl,
                services.getResources().newClassPathResource(drl, DroolsTiers.class));
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("Drools rejects " + drl + ": " + builder.getResults());
        }
        return new DroolsTiers(services.newKieContainer(release).getKieBase().newKieSessionsPool(1));
    }

    /**
     * Decides the tiers of snapshots: wraps every snapshot in a fact and fires the rules over
     * them, one stateless execution per batch.
     *
     * @param snapshots the snapshots; not null
     * @param batch how many facts one execution decides, at least 1
     * @return the facts with their tiers, in the order of the snapshots
     */
    List<DroolsCustomer> decide(List<CustomerMetrics> snapshots, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
        List<DroolsCustomer> facts = new ArrayList<>(snapshots.size());
        for (CustomerMetrics metrics : Objects.requireNonNull(snapshots, "snapshots")) {
            facts.add(new DroolsCustomer(metrics));
        }
        StatelessKieSession session = pool.newStatelessKieSession();
        for (int from = 0; from < facts.size(); from += batch) {
            session.execute(facts.subList(from, Math.min(facts.size(), from + batch)));
        }
        return facts;
    }
}
