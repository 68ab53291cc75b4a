package org.crmkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.cli.output.RowWriter;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierEngine;

/**
 * Decides and renders customers' tiers on worker threads, a run of customers at a time, while the
 * calling thread goes on reading and writes the rendered runs in their order: the output is what
 * deciding and writing one customer after the other gives, on all cores. At most a few runs are
 * in flight, so memory stays bounded whatever the number of customers. Not thread-safe: one
 * thread feeds it.
 */
final class DecisionPipeline implements AutoCloseable {
    /**
     * Customers per run: enough to make a task worth its hand-over, few enough that a run's rendered
     * text (about 450 characters a customer) stays well below a megabyte, which G1 would allocate as
     * a humongous object outside the young generation, a thousand times in a million customers.
     */
    static final int RUN = 256;

    /** A rendered run and the tiers in it, for the counts. */
    private record Done(RowWriter.Rendered rendered, List<Optional<Tier>> tiers) {
    }

    /** Called after each run is written, with the number of customers written so far. */
    @FunctionalInterface
    interface Written {
        void after(long customers);
    }

    private final TierEngine engine;
    private final RowWriter.Rows<TierDecision> lines;
    private final TierCounts counts;
    private final Written written;
    private final ExecutorService workers;
    private final int inFlight;
    private final ArrayDeque<Future<Done>> pending = new ArrayDeque<>();
    private List<CustomerMetrics> run = new ArrayList<>(RUN);

    DecisionPipeline(TierEngine engine, RowWriter.Rows<TierDecision> lines, TierCounts counts, Written written) {
        this.engine = engine;
        this.lines = lines;
        this.counts = counts;
        this.written = written;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.inFlight = threads * 3;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "crm-decide-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Adds the next customer, in output order. */
    void accept(CustomerMetrics metrics) {
        run.add(metrics);
        if (run.size() == RUN) {
            submit();
        }
    }

    /** Decides and writes what is left, waiting for every run. */
    void finish() {
        if (!run.isEmpty()) {
            submit();
        }
        while (!pending.isEmpty()) {
            writeOldest();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private void submit() {
        List<CustomerMetrics> customers = run;
        run = new ArrayList<>(RUN);
        pending.add(workers.submit(() -> {
            List<TierDecision> decisions = new ArrayList<>(customers.size());
            List<Optional<Tier>> tiers = new ArrayList<>(customers.size());
            for (CustomerMetrics metrics : customers) {
                TierDecision decision = engine.evaluate(metrics);
                decisions.add(decision);
                tiers.add(decision.tier());
            }
            return new Done(lines.render(decisions), tiers);
        }));
        while (pending.size() > inFlight) {
            writeOldest();
        }
    }

    /** Nanoseconds the feeding thread waited for a run, and spent writing runs: for the debug log. */
    private long waited;
    private long writing;

    /** @return where the feeding thread's time went, for the debug log */
    String timing() {
        return "waited for runs " + waited / 1_000_000 + " ms, wrote runs " + writing / 1_000_000 + " ms";
    }

    private void writeOldest() {
        Done done;
        long start = System.nanoTime();
        try {
            done = pending.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding tiers", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(cause);
        }
        long got = System.nanoTime();
        waited += got - start;
        try {
            lines.write(done.rendered());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writing += System.nanoTime() - got;
        long total = 0;
        for (Optional<Tier> tier : done.tiers()) {
            total = counts.add(tier);
        }
        written.after(total);
    }
}
