/**
 * The audit log: who changed what and when, with the fields that changed. Other modules
 * record through {@link org.prospectus.audit.AuditLog}; staff read it on the audit page.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code AuditAction}, {@code AuditEntry}, {@code AuditLog}, {@code AuditReach},
 * {@code FieldChange}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "support", "web" })
@NullMarked
package org.prospectus.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
