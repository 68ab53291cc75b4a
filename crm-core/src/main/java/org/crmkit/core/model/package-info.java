/**
 * Values and entities of the customer domain: customers and their contact preferences,
 * purchases with exact {@link org.crmkit.core.model.Money}, interactions, and tiers, which
 * policies define as ordered {@link org.crmkit.core.model.TierLadder ladders}.
 */
@NullMarked
package org.crmkit.core.model;

import org.jspecify.annotations.NullMarked;
