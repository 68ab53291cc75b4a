/**
 * Writers of command results on standard output: JSON Lines by default, CSV for spreadsheets,
 * chosen by {@link org.crmkit.cli.output.OutputFormat} ({@code crm tier}) and
 * {@link org.crmkit.cli.output.LintFormat} ({@code crm policy lint}, which also prints text for people).
 */
@NullMarked
package org.crmkit.cli.output;

import org.jspecify.annotations.NullMarked;
