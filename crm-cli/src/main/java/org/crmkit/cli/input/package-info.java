/**
 * The input files a command is given: {@link org.crmkit.cli.input.FileArgument} is the value of
 * every option that names one, a path or {@code -} for standard input
 * ({@link org.crmkit.cli.input.StandardInput}, named {@code <stdin>} in messages and copied to a
 * temporary file once, since some inputs are read more than once); policies are read through
 * {@link org.crmkit.cli.input.PolicyFiles}. With {@code org.crmkit.cli.csv} and
 * {@code org.crmkit.cli.output}, the only packages of the command line that touch files.
 */
@NullMarked
package org.crmkit.cli.input;

import org.jspecify.annotations.NullMarked;
