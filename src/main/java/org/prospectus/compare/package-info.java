/**
 * Programmes side by side: a shortlist kept only in the URL, and a table whose rows line
 * up the facts an applicant weighs, with the rows that differ marked.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}: {@code Shortlist};
 * everything else is its own.
 */
@ApplicationModule(
		allowedDependencies = { "course::api", "institution::api", "intake::api", "programme::api", "support", "web" })
@NullMarked
package org.prospectus.compare;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
