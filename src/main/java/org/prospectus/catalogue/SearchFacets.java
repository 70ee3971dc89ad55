package org.prospectus.catalogue;

import java.util.List;

/**
 * The values the search filters offer, taken from the published catalogue.
 *
 * @param institutions institutions with published programmes
 * @param topics every topic of a published programme, alphabetically
 * @param languages every language of instruction
 */
public record SearchFacets(List<InstitutionOption> institutions, List<String> topics, List<String> languages) {

	/**
	 * @param slug the institution's slug
	 * @param name its name
	 */
	public record InstitutionOption(String slug, String name) {
	}

}
