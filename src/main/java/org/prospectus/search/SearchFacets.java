package org.prospectus.search;

import java.time.YearMonth;
import java.util.List;

import org.prospectus.programme.ProgrammeLevel;
import org.prospectus.programme.StudyMode;

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

	/** The study levels the level filter offers, in order. */
	public List<ProgrammeLevel> levels() {
		return List.of(ProgrammeLevel.values());
	}

	/** The ways of study the mode filter offers. */
	public List<StudyMode> modes() {
		return List.of(StudyMode.values());
	}

	/** The paces the pace filter offers. */
	public List<Pace> paces() {
		return List.of(Pace.values());
	}

	/** The lengths the duration filter offers. */
	public List<DurationBand> durations() {
		return List.of(DurationBand.values());
	}

	/**
	 * @param slug the institution's slug
	 * @param name its name
	 */
	public record InstitutionOption(String slug, String name) {
	}

}
