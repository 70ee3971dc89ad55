/**
 * Programmes: their content, study plan of courses, testimonials, course-description
 * document and career links, with the editors' pages that stage and publish changes.
 * Offers {@link org.prospectus.programme.ProgrammeService} (the public page's data) and
 * {@link org.prospectus.programme.ProgrammeEditing} for editors.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "course", "institution", "staging", "support", "web" })
@NullMarked
package org.prospectus.programme;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
