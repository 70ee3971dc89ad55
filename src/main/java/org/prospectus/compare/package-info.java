/**
 * Programmes side by side: a shortlist kept only in the URL, and a table whose rows line
 * up the facts an applicant weighs, with the rows that differ marked.
 */
@ApplicationModule(allowedDependencies = { "course", "institution", "intake", "programme", "support", "web" })
@NullMarked
package org.prospectus.compare;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
