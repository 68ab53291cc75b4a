/**
 * crmkit embedded in an "existing ERP": {@link org.crmkit.examples.erp.ErpNightly} creates an H2
 * file database with the ERP's own tables, reads it through an ERP mapping over a HikariCP pool,
 * and runs the whole nightly job (tiering, assessment, SLA, agenda) night after night. The only
 * examples package that uses the JDBC adapter ({@code org.crmkit.jdbc}).
 */
@NullMarked
package org.crmkit.examples.erp;

import org.jspecify.annotations.NullMarked;
