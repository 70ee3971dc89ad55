package org.prospectus.search;

import java.time.YearMonth;
import java.util.List;

import org.prospectus.programme.ProgrammeLevel;
import org.prospectus.programme.StudyMode;
import org.prospectus.search.FacetIndex.Facet;

/**
 * How many programmes the search would find with each option of each filter chosen, the
 * other filters staying as they are. An option that would find none says 0.
 */
public final class FacetCounts {

	private final List<FacetIndex.Numbered> options;

	private final long[][] counts;

	private final long[] any;

	private final long total;

	/**
	 * @param options each filter's options, numbered, by the filter's ordinal
	 * @param counts the count of each option by its number, by the filter's ordinal
	 * @param any what each filter finds with any option, by its ordinal
	 * @param total what the search finds
	 */
	FacetCounts(List<FacetIndex.Numbered> options, long[][] counts, long[] any, long total) {
		this.options = options;
		this.counts = counts;
		this.any = any;
		this.total = total;
	}

	/** What the search finds with every filter as chosen. */
	public long total() {
		return this.total;
	}

	private long of(Facet facet, Object value) {
		int number = this.options.get(facet.ordinal()).of(value);
		return (number >= 0) ? this.counts[facet.ordinal()][number] : 0;
	}

	/** What the search finds without the institution filter. */
	public long anyInstitution() {
		return this.any[Facet.INSTITUTION.ordinal()];
	}

	public long institution(String slug) {
		return of(Facet.INSTITUTION, slug);
	}

	public long anyLevel() {
		return this.any[Facet.LEVEL.ordinal()];
	}

	public long level(ProgrammeLevel level) {
		return of(Facet.LEVEL, level);
	}

	public long anyMode() {
		return this.any[Facet.MODE.ordinal()];
	}

	public long mode(StudyMode mode) {
		return of(Facet.MODE, mode);
	}

	public long anyPace() {
		return this.any[Facet.PACE.ordinal()];
	}

	public long pace(Pace pace) {
		return of(Facet.PACE, pace);
	}

	public long anyLanguage() {
		return this.any[Facet.LANGUAGE.ordinal()];
	}

	public long language(String language) {
		return of(Facet.LANGUAGE, language);
	}

	public long anyDuration() {
		return this.any[Facet.DURATION.ordinal()];
	}

	public long duration(DurationBand duration) {
		return of(Facet.DURATION, duration);
	}

	public long anyTopic() {
		return this.any[Facet.TOPIC.ordinal()];
	}

	/**
	 * @param topic a topic as the topic filter names it
	 */
	public long topic(String topic) {
		return of(Facet.TOPIC, topic);
	}

	/** What the search finds without a budget. */
	public long anyCurrency() {
		return this.any[Facet.BUDGET.ordinal()];
	}

	/**
	 * What the search finds with a budget in this currency: of the amount typed, or of
	 * any amount when none is.
	 */
	public long currency(String currency) {
		return of(Facet.BUDGET, currency);
	}

	public long anyStart() {
		return this.any[Facet.START.ordinal()];
	}

	public long start(YearMonth month) {
		return of(Facet.START, month);
	}

	/** What the search finds with only programmes open for applications now. */
	public long open() {
		return of(Facet.OPEN, Boolean.TRUE);
	}

}
