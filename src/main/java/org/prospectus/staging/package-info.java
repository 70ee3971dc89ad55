/**
 * Staged publishing: the publication state of catalogue entries and the pending revisions
 * staff save before they publish. Offers {@link org.prospectus.staging.PendingRevisions},
 * which stores a form per record by the record's type name, and
 * {@link org.prospectus.staging.CatalogueEntry}, the base of everything that is drafted,
 * published and retired, and {@link org.prospectus.staging.ScheduledPublications}, which
 * publishes staged changes at the instant staff chose through each module's
 * {@link org.prospectus.staging.ScheduledPublisher}.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code CatalogueEntry}, {@code InvalidRevisionException}, {@code PendingRevision},
 * {@code PendingRevisions}, {@code PublicationState}, {@code PublishedEntry},
 * {@code PublishedVersion}, {@code ScheduleForm}, {@code ScheduledPublications},
 * {@code ScheduledPublisher}, {@code StaleRevisionException}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "audit::api", "support" })
@NullMarked
package org.prospectus.staging;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
