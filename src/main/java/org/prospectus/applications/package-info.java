/**
 * The applicant's side of an application: the eight steps with their answers, documents
 * and their checks, the atomic submit and withdrawal. Offers
 * {@link org.prospectus.applications.ApplicationService} to the applicant's pages,
 * {@link org.prospectus.applications.ApplicationFinder} and the
 * {@link org.prospectus.applications.Application} entity to the module that decides on
 * applications, and {@link org.prospectus.applications.StatusPageSection}, through which
 * that module adds the decision to the applicant's status page without this module
 * depending on it.
 */
@ApplicationModule(allowedDependencies = { "account", "applicant", "audit", "institution", "intake", "mail",
		"programme", "staging", "support", "web" })
@NullMarked
package org.prospectus.applications;

import org.prospectus.decisions.Offers;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
