/**
 * References from referees (issue 30): a round says how many an application needs; the
 * applicant names each referee; on submission (or at once, when named after it) each
 * referee is e-mailed a single-use link, kept only hashed, that expires at the round's
 * documents deadline; on it the referee gives the reference or declines, with no account.
 * The applicant sees each referee's state, never the content; staff see both.
 *
 * Adds the referees to the applicant's status page through the applications module's
 * status page section.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code References}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "applicant::api", "applications::api", "audit::api",
		"institution::api", "intake::api", "mail::api", "support", "web" })
@NullMarked
package org.prospectus.references;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
