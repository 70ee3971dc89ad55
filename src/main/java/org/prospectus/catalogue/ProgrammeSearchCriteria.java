package org.prospectus.catalogue;

/**
 * What a visitor searches for; every field is optional.
 *
 * @param text free text, matched against title, code, topics, summary and sections
 * @param institution an institution's slug
 * @param level the award level
 * @param mode campus, online or hybrid
 * @param pace full-time or part-time
 * @param language the language of instruction
 * @param duration the length band
 * @param topic one topic, exactly as listed
 * @param openOnly only programmes with a round open now
 */
public record ProgrammeSearchCriteria(String text, String institution, ProgrammeLevel level, StudyMode mode, Pace pace,
		String language, DurationBand duration, String topic, boolean openOnly) {

	public static ProgrammeSearchCriteria none() {
		return new ProgrammeSearchCriteria(null, null, null, null, null, null, null, null, false);
	}

	public boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

}
