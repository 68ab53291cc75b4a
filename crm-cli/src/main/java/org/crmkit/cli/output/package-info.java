/**
 * Writers of command results on standard output: JSON Lines by default, CSV for spreadsheets,
 * chosen by {@link org.crmkit.cli.output.OutputFormat}.
 */
@NullMarked
package org.crmkit.cli.output;

import org.jspecify.annotations.NullMarked;
