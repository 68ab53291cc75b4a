/**
 * crmkit's rules: {@link org.crmkit.rules.Policy policies} as data, read and validated by
 * {@link org.crmkit.rules.PolicyLoader}, checked for dead rules and gaps by
 * {@link org.crmkit.rules.PolicyLinter}, and evaluated by the engines of the capability
 * packages ({@code tiering}, ...).
 */
@NullMarked
package org.crmkit.rules;

import org.jspecify.annotations.NullMarked;
