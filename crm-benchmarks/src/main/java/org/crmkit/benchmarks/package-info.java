/**
 * JMH benchmarks of crmkit, packaged as {@code target/benchmarks.jar}, with the naive reference
 * implementations they compare against. Not part of the library and not run by the test suite.
 */
@NullMarked
package org.crmkit.benchmarks;

import org.jspecify.annotations.NullMarked;
