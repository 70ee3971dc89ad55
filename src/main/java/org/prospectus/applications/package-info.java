/**
 * The applicant's side of an application: the eight steps with their answers, documents
 * and their checks, the atomic submit and withdrawal. Offers
 * {@link org.prospectus.applications.ApplicationService} to the applicant's pages,
 * {@link org.prospectus.applications.ApplicationFinder},
 * {@link org.prospectus.applications.DecisionRecords} and the
 * {@link org.prospectus.applications.Application} entity to the module that decides on
 * applications, and {@link org.prospectus.applications.StatusPageSection}, through which
 * that module adds the decision to the applicant's status page without this module
 * depending on it.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}: {@code Answers},
 * {@code Application}, {@code ApplicationDocuments}, {@code ApplicationFinder},
 * {@code ApplicationService}, {@code ApplicationStatus}, {@code ApplicationSubmitted},
 * {@code ApplicationWithdrawn}, {@code DecisionRecords}, {@code DocumentChecklist},
 * {@code PdfUploads}, {@code ReadingRecords}, {@code ReferenceRecords},
 * {@code RejectedUploadException}, {@code DocumentKind}, {@code FeeStatus},
 * {@code StatusPageSection}, {@code Step}, {@code StepContext}; everything else is its
 * own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "applicant::api", "audit::api", "institution::api",
		"intake::api", "mail::api", "programme::api", "staging::api", "support", "web" })
@NullMarked
package org.prospectus.applications;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
