/**
 * The {@code crm} command line: {@link org.crmkit.cli.Main} runs it, {@link org.crmkit.cli.Crm}
 * builds it with an injected clock. Commands read everything and validate it first, then
 * compute, then write, so that bad input never produces partial output; exit statuses are in
 * {@link org.crmkit.cli.ExitCodes}.
 */
@NullMarked
package org.crmkit.cli;

import org.jspecify.annotations.NullMarked;
