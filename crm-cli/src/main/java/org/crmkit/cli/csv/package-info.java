/**
 * Import of the interchange formats' CSV files: {@link org.crmkit.cli.csv.CsvImport} reads and
 * validates them completely, reporting every {@link org.crmkit.rules.io.InputProblem problem} with
 * file, line and column, and hands over {@link org.crmkit.cli.csv.ImportedData} only when there
 * is none; {@link org.crmkit.cli.csv.CsvFactsSource} reads the customer files as a stream with the
 * same checks and computes every customer's metrics in one pass, for a million customers in a few
 * hundred megabytes.
 */
@NullMarked
package org.crmkit.cli.csv;

import org.jspecify.annotations.NullMarked;
