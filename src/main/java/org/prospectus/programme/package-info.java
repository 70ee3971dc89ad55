/**
 * Programmes: their content, study plan of courses, testimonials, course-description
 * document and career links, with the editors' pages that stage and publish changes.
 * Offers {@link org.prospectus.programme.ProgrammeService} (the public page's data) and
 * {@link org.prospectus.programme.ProgrammeEditing} for editors.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}: {@code Career},
 * {@code CareerService}, {@code PlanEntry}, {@code PlanView}, {@code Programme},
 * {@code ProgrammeDocuments}, {@code ProgrammeEditing}, {@code ProgrammeFacts},
 * {@code ProgrammeLevel}, {@code ProgrammePage}, {@code ProgrammePublishing},
 * {@code ProgrammeService}, {@code ProgrammeYears}, {@code StudyMode}, {@code YearTurn},
 * {@code TuitionPeriod}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "audit::api", "course::api", "institution::api",
		"staging::api", "support", "web" })
@NullMarked
package org.prospectus.programme;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
