package org.prospectus.search;

import java.time.YearMonth;
import java.util.Objects;
import java.util.stream.Stream;
import org.prospectus.programme.ProgrammeLevel;
import org.prospectus.programme.StudyMode;
import org.prospectus.support.Money;

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
 * @param budget the most the whole programme's tuition may cost, in that currency: only
 * programmes that publish their tuition in it qualify, since amounts are never converted
 * @param start the month studies start in, for a round whose deadline has not passed
 */
public record ProgrammeSearchCriteria(String text, String institution, ProgrammeLevel level, StudyMode mode, Pace pace,
		String language, DurationBand duration, String topic, boolean openOnly, Money budget, YearMonth start) {

	/** Criteria without a budget or a start month. */
	public ProgrammeSearchCriteria(String text, String institution, ProgrammeLevel level, StudyMode mode, Pace pace,
			String language, DurationBand duration, String topic, boolean openOnly) {
		this(text, institution, level, mode, pace, language, duration, topic, openOnly, null, null);
	}

	public static ProgrammeSearchCriteria none() {
		return new ProgrammeSearchCriteria(null, null, null, null, null, null, null, null, false);
	}

	/** The same criteria with other words. */
	public ProgrammeSearchCriteria withText(String text) {
		return new ProgrammeSearchCriteria(text, this.institution, this.level, this.mode, this.pace, this.language,
				this.duration, this.topic, this.openOnly, this.budget, this.start);
	}

	public boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

	/** How many filters other than the words are set: the folded filters say so. */
	public int filterCount() {
		return (int) Stream
			.of(this.institution, this.level, this.mode, this.pace, this.language, this.duration, this.topic,
					this.openOnly ? Boolean.TRUE : null, this.budget, this.start)
			.filter(Objects::nonNull)
			.count();
	}

}
