package org.crmkit.cli;

import org.crmkit.rules.lifecycle.LifecyclePolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.Policy;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseSummary;
import org.crmkit.rules.segment.AbcSummary;

/**
 * The summary {@code crm lifecycle} prints on standard error: what was analysed under which
 * policy, the customers per lifecycle stage, the early-warning list led by the largest values at
 * risk, the win-back candidates, the ABC classes and what the purchase model did. Customers are
 * named by id only: standard error ends up in logs, names do not belong there.
 */
final class LifecycleSummary {
    static final String COMMAND = "crm lifecycle";
    /** High-risk customers named in the summary; the output has all of them. */
    static final int HIGH_RISK_SHOWN = 5;

    private LifecycleSummary() {
    }

    static List<String> lines(Policy policy, MetricsQuery query, CustomerBaseSummary report) {
        List<String> lines = new ArrayList<>();
        TierSummary.beforeEffectiveFrom(COMMAND, policy, report.asOf()).ifPresent(lines::add);
        int total = report.customers();
        lines.add(COMMAND + ": " + customers(total) + " as of " + report.asOf() + ", policy " + report.policy()
                + ", metrics over " + query.window());
        lines.addAll(stages(report.stageCounts(), total));

        List<CustomerAssessment> highRisk = report.highRisk();
        String threshold = policy.find(LifecyclePolicy.class).orElseThrow().churnRisk().highRisk().toPlainString();
        StringBuilder warning = new StringBuilder(COMMAND + ": high risk: " + customers(report.highRiskCount())
                + " (churn risk >= " + threshold + ", not churned)");
        if (!highRisk.isEmpty()) {
            warning.append("; largest value at risk first: ");
            List<String> shown = new ArrayList<>();
            String currency = policy.header().currency().getCurrencyCode();
            highRisk.stream().limit(HIGH_RISK_SHOWN).forEach(customer -> shown.add(customer.customerId() + " ("
                    + customer.valueAtRisk().toPlainString() + " " + currency + ")"));
            warning.append(String.join(", ", shown));
            if (report.highRiskCount() > HIGH_RISK_SHOWN) {
                warning.append(" and ").append(report.highRiskCount() - HIGH_RISK_SHOWN).append(" more");
            }
        }
        lines.add(warning.toString());
        int winBack = report.winBack();
        lines.add(COMMAND + ": win-back: " + winBack + " churned " + (winBack == 1 ? "customer" : "customers")
                + " flagged");
        lines.add(COMMAND + ": ABC classes by spend in the window:");
        report.abc().lines().stream().map(AbcSummary.Line::describe).map(line -> "  " + line).forEach(lines::add);
        report.model().forEach(note -> lines.add(COMMAND + ": model: " + note));
        return lines;
    }

    private static List<String> stages(Map<LifecycleStage, Integer> counts, int total) {
        int width = "stage".length();
        for (LifecycleStage stage : counts.keySet()) {
            width = Math.max(width, stage.key().length());
        }
        String format = "  %-" + width + "s %9s %7s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "stage", "customers", "share"));
        counts.forEach((stage, count) -> lines.add(String.format(Locale.ROOT, format, stage.key(), count,
                total == 0 ? "-" : TierSummary.percent(BigDecimal.valueOf(count)
                        .divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN)))));
        return lines;
    }

    private static String customers(int count) {
        return count + (count == 1 ? " customer" : " customers");
    }
}
