/**
 * The files of the customer-base models: {@link org.crmkit.rules.io.clv.PurchaseSummaryCsv} reads
 * the customer summary files published with the CDNOW data into
 * {@link org.crmkit.rules.clv.PurchaseSummary PurchaseSummary} values, within the bounds the
 * models compute in, through crmkit's one CSV reader.
 */
@NullMarked
package org.crmkit.rules.io.clv;

import org.jspecify.annotations.NullMarked;
