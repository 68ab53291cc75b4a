/**
 * Customer-base models: how many purchases a customer will make, whether the customer is still
 * "alive", what a repeat purchase is worth and what the customer is worth over a horizon.
 *
 * <ul>
 *   <li>{@link org.crmkit.rules.clv.PurchaseSummary}: a customer's repeat purchases, recency and
 *       age (x, t<sub>x</sub>, T), built from purchases by
 *       {@link org.crmkit.rules.clv.PurchaseSummaries} (summary files are read by
 *       {@link org.crmkit.rules.io.clv.PurchaseSummaryCsv}: this package reads no files);</li>
 *   <li>{@link org.crmkit.rules.clv.PurchaseModel}: the BG/NBD model of Fader, Hardie &amp; Lee
 *       (2005) and the Pareto/NBD model of Schmittlein, Morrison &amp; Colombo (1987);</li>
 *   <li>{@link org.crmkit.rules.clv.GammaGammaModel}: the spend per purchase (Fader &amp;
 *       Hardie, 2013);</li>
 *   <li>{@link org.crmkit.rules.clv.ModelFitter}: maximum likelihood for all three;</li>
 *   <li>{@link org.crmkit.rules.clv.CustomerValue}: discounted customer lifetime value in money.</li>
 * </ul>
 * Statistics are computed in {@code double}; money enters and leaves as {@code BigDecimal}.
 */
@NullMarked
package org.crmkit.rules.clv;

import org.jspecify.annotations.NullMarked;
