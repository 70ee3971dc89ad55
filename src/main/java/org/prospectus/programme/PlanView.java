package org.prospectus.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prospectus.course.Course;
import org.prospectus.course.Season;

import org.springframework.modulith.NamedInterface;

/**
 * A programme plan grouped for display: by year of study, then by term in academic order
 * (autumn, spring, summer).
 *
 * @param years the years that have courses, in order
 */
@NamedInterface("api")
public record PlanView(List<Year> years) {

	private static final Comparator<Season> ACADEMIC_ORDER = Comparator.comparingInt((season) -> switch (season) {
		case AUTUMN -> 0;
		case SPRING -> 1;
		case SUMMER -> 2;
	});

	public static PlanView of(List<PlanEntry> entries) {
		Map<Integer, Map<Season, List<PlanEntry>>> byYear = new LinkedHashMap<>();
		entries.stream()
			.sorted(Comparator.comparingInt(PlanEntry::getStudyYear)
				.thenComparing(PlanEntry::getTerm, ACADEMIC_ORDER)
				.thenComparingInt(PlanEntry::getPosition))
			.forEach((entry) -> byYear.computeIfAbsent(entry.getStudyYear(), (year) -> new LinkedHashMap<>())
				.computeIfAbsent(entry.getTerm(), (term) -> new ArrayList<>())
				.add(entry));
		List<Year> years = new ArrayList<>();
		byYear.forEach((year, terms) -> {
			List<TermGroup> groups = new ArrayList<>();
			terms.forEach((season, list) -> groups.add(new TermGroup(season, List.copyOf(list))));
			years.add(new Year(year, groups));
		});
		return new PlanView(List.copyOf(years));
	}

	public boolean isEmpty() {
		return this.years.isEmpty();
	}

	public long courseCount() {
		return this.years.stream().flatMap((year) -> year.terms().stream()).mapToLong((t) -> t.entries().size()).sum();
	}

	/** The plan's courses, in order, for the language their titles are shown in. */
	public List<Course> courses() {
		return this.years.stream()
			.flatMap((year) -> year.terms().stream())
			.flatMap((term) -> term.entries().stream())
			.map(PlanEntry::getCourse)
			.toList();
	}

	public BigDecimal compulsoryCredits() {
		return this.years.stream()
			.flatMap((year) -> year.terms().stream())
			.flatMap((term) -> term.entries().stream())
			.filter((entry) -> entry.getCategory() == PlanCategory.COMPULSORY)
			.map((entry) -> entry.getCourse().getCredits())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * @param number the year of study, from 1
	 * @param terms its terms with courses
	 */
	public record Year(int number, List<TermGroup> terms) {
	}

	/**
	 * @param season the term
	 * @param entries its courses
	 */
	public record TermGroup(Season season, List<PlanEntry> entries) {
	}

}
