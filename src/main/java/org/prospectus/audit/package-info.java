/**
 * The audit log: who changed what and when, with the fields that changed. Other modules
 * record through {@link org.prospectus.audit.AuditLog}; staff read it on the audit page.
 */
@ApplicationModule(allowedDependencies = { "support", "web" })
@NullMarked
package org.prospectus.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
