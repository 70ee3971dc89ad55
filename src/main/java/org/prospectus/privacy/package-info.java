/**
 * Applicants' personal data (ADR 0019): the archive an applicant downloads, closing an
 * account, erasure on request by an institution's administrator, and the retention job.
 * This module is the one place that deletes a person's data across the other modules'
 * tables, so that what erasure and retention remove is written, and tested, once.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code RetentionJob}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "applicant::api", "applications::api", "audit::api",
		"decisions::api", "support", "web" })
@NullMarked
package org.prospectus.privacy;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
