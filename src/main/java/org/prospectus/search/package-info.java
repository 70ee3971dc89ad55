/**
 * The public programme search: filters, facets and sorted pages of results, read straight
 * from the published catalogue. Offers {@link org.prospectus.search.ProgrammeSearch}.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code ProgrammeSearch}; everything else is its own.
 */
@ApplicationModule(
		allowedDependencies = { "compare::api", "course::api", "programme::api", "staging::api", "support", "web" })
@NullMarked
package org.prospectus.search;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
