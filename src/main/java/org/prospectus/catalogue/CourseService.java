package org.prospectus.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Courses as the public sees them. */
@Service
@Transactional(readOnly = true)
public class CourseService {

	private static final Set<PublicationState> VISIBLE = EnumSet.of(PublicationState.PUBLISHED,
			PublicationState.RETIRED);

	/** Offerings that ended within this period are still shown, as recent ones. */
	static final Period RECENT = Period.ofYears(1);

	private final CourseRepository courses;

	private final CourseOfferingRepository offerings;

	private final SyllabusRepository syllabuses;

	private final Clock clock;

	CourseService(CourseRepository courses, CourseOfferingRepository offerings, SyllabusRepository syllabuses,
			Clock clock) {
		this.courses = courses;
		this.offerings = offerings;
		this.syllabuses = syllabuses;
		this.clock = clock;
	}

	public Optional<CoursePage> findPage(String code) {
		return this.courses.findByCodeAndStateIn(code, VISIBLE).map(this::page);
	}

	private CoursePage page(Course course) {
		LocalDate today = LocalDate.now(this.clock);
		List<CourseOffering> all = this.offerings.findEndingFrom(course, today.minus(RECENT));
		List<CourseOffering> offerings = all.stream().filter((o) -> o.isCurrentOrUpcoming(today)).toList();
		List<CourseOffering> recent = all.stream()
			.filter((o) -> !o.isCurrentOrUpcoming(today))
			.sorted(Comparator.comparing(CourseOffering::getEndDate).reversed())
			.toList();
		Term relevant = offerings.isEmpty() ? Term.containing(today) : offerings.get(0).getTerm();
		List<Syllabus> versions = this.syllabuses.findVersionsWithModules(course);
		Syllabus syllabus = applicableVersion(versions, relevant);
		if (syllabus == null) {
			return new CoursePage(course, offerings, recent, null, null, List.of(), Set.of());
		}
		Term validUntil = versions.stream()
			.map(Syllabus::getValidFrom)
			.filter((term) -> term.compareTo(syllabus.getValidFrom()) > 0)
			.min(Term::compareTo)
			.orElse(null);
		List<Prerequisite> prerequisites = this.syllabuses.findPrerequisites(syllabus);
		Set<String> codes = new HashSet<>();
		prerequisites.forEach((prerequisite) -> codes.addAll(prerequisite.getEquivalentCodes()));
		Set<String> linkable = codes.isEmpty() ? Set.of() : Set.copyOf(this.courses.findPublishedCodes(codes));
		return new CoursePage(course, offerings, recent, syllabus, validUntil, prerequisites, linkable);
	}

	/**
	 * The latest version valid from the given term or before; failing that, the earliest
	 * version there is.
	 */
	static Syllabus applicableVersion(List<Syllabus> versionsOldestFirst, Term term) {
		Syllabus applicable = null;
		for (Syllabus version : versionsOldestFirst) {
			if (version.getValidFrom().compareTo(term) <= 0) {
				applicable = version;
			}
		}
		if (applicable == null && !versionsOldestFirst.isEmpty()) {
			applicable = versionsOldestFirst.get(0);
		}
		return applicable;
	}

}
