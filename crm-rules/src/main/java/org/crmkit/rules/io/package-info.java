/**
 * Reading input files, for the library and the command line alike: one CSV reader
 * ({@link org.crmkit.rules.io.CsvReader}: RFC 4180, strict UTF-8 with an optional byte order
 * mark, streaming, every record with the line it starts on) and one located problem
 * ({@link org.crmkit.rules.io.InputProblem}: file, line, column or key path, message) for
 * everything wrong with an input file or a policy document. The engine packages read no files:
 * file formats of a capability live in a package below this one, such as
 * {@code org.crmkit.rules.io.clv}.
 */
@NullMarked
package org.crmkit.rules.io;

import org.jspecify.annotations.NullMarked;
