package org.prospectus.search;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;

/**
 * One search as the search page shows it.
 *
 * @param results the page of results: for the corrected words when the correction was
 * applied
 * @param correction the words corrected, when as typed they found nothing and corrected
 * they find programmes; {@code null} otherwise
 * @param facets the options of every filter
 * @param counts how many programmes each option of each filter would find
 */
public record SearchResults(Page<ProgrammeSummary> results, @Nullable Correction correction, SearchFacets facets,
		FacetCounts counts) {
}
