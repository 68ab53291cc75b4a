package org.crmkit.rules.segment;

/** A customer's class in an ABC (Pareto) analysis of spend; see {@link AbcClassifier} for the rule. */
public enum AbcClass {
    /** The few customers who together hold most of the spend (by default the first 70%). */
    A,
    /** The customers who hold the next part of the spend (by default up to 90%). */
    B,
    /** The many customers who hold the rest of the spend, and everybody who spent nothing. */
    C
}
