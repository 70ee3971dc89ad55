/**
 * The applicant's application: the eight steps with their answers, documents and their
 * checks, the atomic submit, withdrawal and the decision's notification. Offers
 * {@link org.prospectus.applications.ApplicationService} and
 * {@link org.prospectus.applications.ApplicationReview}, through which staff decide.
 */
@ApplicationModule(allowedDependencies = { "account", "applicant", "audit", "institution", "intake", "mail",
		"programme", "staging", "support", "web" })
@NullMarked
package org.prospectus.applications;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
