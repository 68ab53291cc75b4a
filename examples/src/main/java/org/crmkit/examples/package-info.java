/**
 * Runnable examples of crmkit: {@link org.crmkit.examples.SyntheticCustomerBase}, a seeded,
 * plausible customer base made in code, and {@link org.crmkit.examples.Demo}, which tiers it
 * with the standard policy and explains the outcome. They use the public API only.
 */
@NullMarked
package org.crmkit.examples;

import org.jspecify.annotations.NullMarked;
