package org.prospectus.course;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.prospectus.staging.PublishedEntry;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Courses as the public sees them. */
@Service
@Transactional(readOnly = true)
@NamedInterface("api")
public class CourseService {

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

	/**
	 * A course by its code in whatever state, as a programme's study plan names it (the
	 * plan may list a draft course before it is published).
	 */
	public Optional<Course> findByCode(String code) {
		return this.courses.findByCode(code);
	}

	/**
	 * Every published course, by code, for the sitemap, as it is read (see programmes').
	 */
	public void eachPublishedEntry(Consumer<PublishedEntry> action) {
		try (Stream<PublishedEntry> entries = this.courses.streamPublishedEntries()) {
			entries.forEach(action);
		}
	}

	public Optional<CoursePage> findPage(String code) {
		return this.courses.findVisibleByCode(code).map(this::page);
	}

	private CoursePage page(Course course) {
		LocalDate today = LocalDate.now(this.clock);
		return assemble(course, this.offerings.findEndingFrom(course, today.minus(RECENT)),
				this.syllabuses.findVersionsWithModules(course), this.syllabuses::findPrerequisites,
				this.courses::findPublishedCodes, today);
	}

	/**
	 * The page of a course from its offerings and syllabus versions: the public page's
	 * rules, shared with the staff preview, which hands in versions and offerings with
	 * their unpublished changes laid over.
	 * @param offeringsByStart offerings ending within {@link #RECENT} or later, earliest
	 * first
	 * @param versionsOldestFirst the syllabus versions
	 * @param prerequisites the prerequisites of the version shown
	 * @param publishedAmong which of some course codes have public pages
	 */
	static CoursePage assemble(Course course, List<CourseOffering> offeringsByStart, List<Syllabus> versionsOldestFirst,
			Function<Syllabus, List<Prerequisite>> prerequisites, Function<Set<String>, List<String>> publishedAmong,
			LocalDate today) {
		List<CourseOffering> offerings = offeringsByStart.stream().filter((o) -> o.isCurrentOrUpcoming(today)).toList();
		List<CourseOffering> recent = offeringsByStart.stream()
			.filter((o) -> !o.isCurrentOrUpcoming(today))
			.sorted(Comparator.comparing(CourseOffering::getEndDate).reversed())
			.toList();
		Term relevant = offerings.isEmpty() ? Term.containing(today) : offerings.get(0).getTerm();
		Syllabus syllabus = applicableVersion(versionsOldestFirst, relevant);
		if (syllabus == null) {
			return new CoursePage(course, offerings, recent, null, null, List.of(), Set.of());
		}
		Term validUntil = versionsOldestFirst.stream()
			.map(Syllabus::getValidFrom)
			.filter((term) -> term.compareTo(syllabus.getValidFrom()) > 0)
			.min(Term::compareTo)
			.orElse(null);
		List<Prerequisite> shown = prerequisites.apply(syllabus);
		Set<String> codes = new HashSet<>();
		shown.forEach((prerequisite) -> codes.addAll(prerequisite.getEquivalentCodes()));
		Set<String> linkable = codes.isEmpty() ? Set.of() : Set.copyOf(publishedAmong.apply(codes));
		return new CoursePage(course, offerings, recent, syllabus, validUntil, shown, linkable);
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
