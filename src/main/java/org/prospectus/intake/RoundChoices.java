package org.prospectus.intake;

import java.time.ZoneId;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * What an application's choices may be in a round: the published programmes it admits to,
 * by title, its limit on choices, and the zone its dates are in. Read as plain values in
 * one query ({@link RoundService#choices}), for the check of every saved step.
 *
 * @param zone the round's institution's time zone
 * @param choiceLimit how many programmes an applicant may rank
 * @param institutionId the round's institution
 * @param programmes the published programmes, by title
 */
@NamedInterface("api")
public record RoundChoices(ZoneId zone, int choiceLimit, long institutionId, List<Offered> programmes) {

	/**
	 * A programme the round admits to.
	 *
	 * @param id the programme
	 * @param title its title
	 * @param institutionId its institution, another than the round's in a joint round
	 * @param institutionName that institution's name
	 */
	public record Offered(long id, String title, long institutionId, String institutionName) {
	}

	/** One row of the query: the round, and one published programme or none. */
	public record Row(int choiceLimit, long institutionId, String zone, Long programmeId, String title,
			Long programmeInstitutionId, String programmeInstitutionName) {
	}

}
