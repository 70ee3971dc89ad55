package org.prospectus.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.prospectus.course.CreditSystem;
import org.prospectus.programme.StudyMode;

/**
 * One programme in a list of search results.
 *
 * @param slug the programme's slug
 * @param code its code
 * @param title its title
 * @param award the award, e.g. Master of Science
 * @param credits credits
 * @param creditSystem the credit system
 * @param durationMonths length in months
 * @param pacePercent pace, 100 for full-time
 * @param mode campus, online or hybrid
 * @param language language of instruction
 * @param summary a short description
 * @param institutionName the institution's name, in the page's language where translated
 * @param city where it is
 * @param openDeadline the deadline of a round open now, or {@code null}
 * @param zone the zone the open deadline is stated in (the round's), else the
 * institution's
 * @param titleLanguage the language of the title where it is not the page's, else null
 * @param summaryLanguage likewise for the summary
 * @param institutionLanguage likewise for the institution's name
 */
public record ProgrammeSummary(String slug, String code, String title, String award, BigDecimal credits,
		CreditSystem creditSystem, int durationMonths, int pacePercent, StudyMode mode, String language, String summary,
		String institutionName, String city, @Nullable Instant openDeadline, String zone,
		@Nullable String titleLanguage, @Nullable String summaryLanguage, @Nullable String institutionLanguage) {

	public boolean isOpen() {
		return this.openDeadline != null;
	}

	/** {@link #zone()} as a zone, for formatting the open deadline. */
	public ZoneId deadlineZone() {
		return ZoneId.of(this.zone);
	}

}
