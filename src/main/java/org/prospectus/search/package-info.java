/**
 * The public programme search: filters, facets and sorted pages of results, read straight
 * from the published catalogue. Offers {@link org.prospectus.search.ProgrammeSearch}.
 */
@ApplicationModule(allowedDependencies = { "compare", "course", "programme", "staging", "support", "web" })
@NullMarked
package org.prospectus.search;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
