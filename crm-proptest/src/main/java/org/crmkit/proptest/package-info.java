/**
 * Property-based testing on {@code java.util.random}: {@link org.crmkit.proptest.Gen generators} that
 * draw every decision as a recorded {@link org.crmkit.proptest.Source choice}, so that any composition of
 * them shrinks, and {@link org.crmkit.proptest.Property#forAll(Gen) a runner} that checks a property
 * inside a plain test method with a reproducible seed.
 */
@NullMarked
package org.crmkit.proptest;

import org.jspecify.annotations.NullMarked;
