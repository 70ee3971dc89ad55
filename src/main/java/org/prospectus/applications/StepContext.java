package org.prospectus.applications;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * What a step's checks need to know beyond its own fields.
 *
 * @param today the date in the round's zone
 * @param programmes the programmes the round admits to, by id, with their titles
 * @param choiceLimit how many programmes may be ranked
 */
@NamedInterface("api")
public record StepContext(LocalDate today, Map<Long, String> programmes, int choiceLimit) {

	/**
	 * The title of a ranked choice as the form keeps it (the programme's id), or
	 * {@code null} when the round does not offer it.
	 */
	public String choiceTitle(String choice) {
		return this.programmes.get(ChoicesForm.id(choice));
	}

}
