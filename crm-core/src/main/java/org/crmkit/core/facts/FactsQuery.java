package org.crmkit.core.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.metrics.MetricsQuery;

/**
 * What facts are computed for: the metrics query (as-of day, window, zone, currency), the
 * {@link FactGroup groups} wanted beyond the metrics, and the product categories whose purchases
 * count as value-added services. Immutable and thread-safe.
 *
 * @param metrics the as-of day, window, zone and currency; not null
 * @param groups the groups wanted beyond the metrics snapshot; not null
 * @param valueAddedCategories the categories of value-added services, in lower case
 *     ({@link Locale#ROOT}), since categories compare ignoring case; not null
 */
public record FactsQuery(MetricsQuery metrics, Set<FactGroup> groups, Set<String> valueAddedCategories) {

    /** Copies the sets; lower-cases the categories. */
    public FactsQuery {
        Objects.requireNonNull(metrics, "metrics");
        Set<FactGroup> copy = EnumSet.noneOf(FactGroup.class);
        copy.addAll(Objects.requireNonNull(groups, "groups"));
        groups = Collections.unmodifiableSet(copy);
        Set<String> categories = new TreeSet<>();
        for (String category : Objects.requireNonNull(valueAddedCategories, "valueAddedCategories")) {
            categories.add(normalCategory(Objects.requireNonNull(category, "valueAddedCategories must not contain null")));
        }
        valueAddedCategories = Collections.unmodifiableSet(categories);
    }

    /**
     * The metrics snapshot alone, as the tier rules need it.
     *
     * @param metrics the metrics query; not null
     * @return the query
     */
    public static FactsQuery metricsOnly(MetricsQuery metrics) {
        return new FactsQuery(metrics, Set.of(), Set.of());
    }

    /**
     * Every group, as the lifecycle, relationship, churn and lifetime-value engines need them.
     *
     * @param metrics the metrics query; not null
     * @param valueAddedCategories the categories of value-added services, any case; not null
     * @return the query
     */
    public static FactsQuery all(MetricsQuery metrics, Set<String> valueAddedCategories) {
        return new FactsQuery(metrics, EnumSet.allOf(FactGroup.class), valueAddedCategories);
    }

    /**
     * Whether a group is wanted.
     *
     * @param group the group; not null
     * @return true if the facts carry it
     */
    public boolean wants(FactGroup group) {
        return groups.contains(Objects.requireNonNull(group, "group"));
    }

    /**
     * Whether a purchase's category makes it a value-added service.
     *
     * @param category the category as recorded, any case; not null
     * @return true if its lower-case form is one of the query's categories
     */
    public boolean isValueAdded(String category) {
        return valueAddedCategories.contains(normalCategory(category));
    }

    /**
     * The form in which categories compare: lower case by the root locale, so that "Service" and
     * "SERVICE" are one category everywhere, in memory and in SQL's {@code LOWER}.
     *
     * @param category the category as recorded; not null
     * @return its lower-case form
     */
    public static String normalCategory(String category) {
        return category.toLowerCase(Locale.ROOT);
    }
}
