/**
 * Runnable examples of crmkit: {@link org.crmkit.examples.SyntheticCustomerBase}, a seeded,
 * plausible customer base made in code with its orders, contacts and service cases, and
 * {@link org.crmkit.examples.Demo}, which tiers it with the standard policy, evaluates its
 * complaint SLAs, and explains the outcome. They use the public API only.
 */
@NullMarked
package org.crmkit.examples;

import org.jspecify.annotations.NullMarked;
