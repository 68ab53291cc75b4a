/**
 * Writers of command results on standard output. Each command's report is declared once
 * ({@link org.crmkit.cli.output.Reports}: the fields of its lines and how each is taken from what
 * the command computed), and one writer renders any report as JSON Lines (the default) or CSV,
 * chosen by {@link org.crmkit.cli.output.OutputFormat}. The formats that are genuinely different
 * have writers of their own: iCalendar for {@code crm agenda} ({@link org.crmkit.cli.output.AgendaFormat})
 * and the text lines of {@code crm policy lint} ({@link org.crmkit.cli.output.LintFormat}).
 */
@NullMarked
package org.crmkit.cli.output;

import org.jspecify.annotations.NullMarked;
