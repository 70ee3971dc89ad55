package org.prospectus.programme;

import java.util.ArrayList;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Everything the public programme page shows, loaded in one read transaction.
 *
 * @param programme the programme with its institution, with the values of the year of
 * entry shown
 * @param testimonials graduates' words, in order
 * @param plan the courses by year and term
 * @param currentYear the programme's current year of entry
 * @param years every published year of entry, in order, the current one included
 */
@NamedInterface("api")
public record ProgrammePage(Programme programme, List<Testimonial> testimonials, PlanView plan, int currentYear,
		List<Integer> years) {

	/** The page of the programme's current year of entry. */
	public ProgrammePage(Programme programme, List<Testimonial> testimonials, PlanView plan) {
		this(programme, testimonials, plan, programme.getEntryYear(), yearsOf(programme));
	}

	/** The year of entry the page shows. */
	public int shownYear() {
		return this.programme.getEntryYear();
	}

	/** Whether the page shows a past year of entry, kept readable. */
	public boolean isArchived() {
		return shownYear() < this.currentYear;
	}

	static List<Integer> yearsOf(Programme programme) {
		List<Integer> years = new ArrayList<>(programme.getOtherPublishedYears());
		years.add(programme.getEntryYear());
		return years.stream().distinct().sorted().toList();
	}

}
