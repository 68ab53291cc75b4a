/**
 * crmkit's pure domain: the exception hierarchy here, values and entities in {@code model},
 * per-customer metrics snapshots in {@code metrics}, domain events in {@code event}, the ports
 * that the outside world implements in {@code port}, and in-memory port implementations in
 * {@code memory}. No I/O and no runtime dependencies.
 */
@NullMarked
package org.crmkit.core;

import org.jspecify.annotations.NullMarked;
