package org.prospectus.search;

import java.time.YearMonth;
import java.util.List;

/**
 * The values the search filters offer, taken from the published catalogue.
 *
 * @param institutions institutions with published programmes
 * @param topics every topic of a published programme, alphabetically, each once whatever
 * its spellings ({@link Topics})
 * @param languages every language of instruction
 * @param currencies every currency a tuition fee is published in
 * @param starts the months studies start in, for rounds whose deadline has not passed
 */
public record SearchFacets(List<InstitutionOption> institutions, List<String> topics, List<String> languages,
		List<String> currencies, List<YearMonth> starts) {

	/**
	 * @param slug the institution's slug
	 * @param name its name
	 */
	public record InstitutionOption(String slug, String name) {
	}

}
