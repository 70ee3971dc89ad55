package org.prospectus.course;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
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
	 * Every published course, by code, and each of its published syllabus versions, by
	 * the version's slug, for the sitemap, as they are read (see programmes'): one query.
	 */
	public void eachPublishedEntry(Consumer<PublishedEntry> course, BiConsumer<PublishedEntry, String> version) {
		try (Stream<CourseRepository.PublishedVersion> rows = this.courses.streamPublishedVersions()) {
			PublishedEntry[] last = { null };
			rows.forEach((row) -> {
				if (last[0] == null || !last[0].key().equals(row.code())) {
					last[0] = new PublishedEntry(row.code(), row.updatedAt());
					course.accept(last[0]);
				}
				if (row.validFrom() != null) {
					version.accept(last[0], row.validFrom().slug());
				}
			});
		}
	}

	public Optional<CoursePage> findPage(String code) {
		return this.courses.findVisibleByCode(code).map((course) -> page(course, null));
	}

	/**
	 * The page of a course showing one syllabus version, by the term it starts; empty
	 * when the course has no such published version.
	 */
	public Optional<CoursePage> findPage(String code, Term version) {
		return this.courses.findVisibleByCode(code)
			.map((course) -> page(course, version))
			.filter((page) -> page.syllabus() != null && page.syllabus().getValidFrom().equals(version));
	}

	private CoursePage page(Course course, @Nullable Term version) {
		LocalDate today = LocalDate.now(this.clock);
		List<Syllabus> versions = this.syllabuses.findVersionsWithModules(course);
		Map<Long, List<Prerequisite>> prerequisites = new HashMap<>();
		if (!versions.isEmpty()) {
			for (Prerequisite prerequisite : this.syllabuses.findPublishedPrerequisites(course)) {
				prerequisites.computeIfAbsent(prerequisite.getSyllabus().getId(), (id) -> new ArrayList<>())
					.add(prerequisite);
			}
		}
		List<CourseOffering> offerings = (version != null) ? this.offerings.findInTerms(course, version,
				versions.stream()
					.map(Syllabus::getValidFrom)
					.filter((from) -> from.compareTo(version) > 0)
					.min(Comparator.naturalOrder())
					.orElse(null))
				: this.offerings.findEndingFrom(course, today.minus(RECENT));
		return assemble(course, offerings, versions,
				(syllabus) -> prerequisites.getOrDefault(syllabus.getId(), List.of()), this.courses::findPublishedCodes,
				today, version);
	}

	/**
	 * The page of a course from its offerings and syllabus versions: the public page's
	 * rules, shared with the staff preview, which hands in versions and offerings with
	 * their unpublished changes laid over.
	 * @param offeringsByStart offerings ending within {@link #RECENT} or later, earliest
	 * first; for a version asked for, the offerings it applies to, past ones included
	 * @param versionsOldestFirst the syllabus versions
	 * @param prerequisites the prerequisites of the version shown
	 * @param publishedAmong which of some course codes have public pages
	 * @param version the version to show, by its first term; {@code null} for the one
	 * that applies to the first offering shown (or to the current term)
	 */
	static CoursePage assemble(Course course, List<CourseOffering> offeringsByStart, List<Syllabus> versionsOldestFirst,
			Function<Syllabus, List<Prerequisite>> prerequisites, Function<Set<String>, List<String>> publishedAmong,
			LocalDate today, @Nullable Term version) {
		List<CourseOffering> offerings = offeringsByStart.stream().filter((o) -> o.isCurrentOrUpcoming(today)).toList();
		List<CourseOffering> recent = offeringsByStart.stream()
			.filter((o) -> !o.isCurrentOrUpcoming(today))
			.sorted(Comparator.comparing(CourseOffering::getEndDate).reversed())
			.toList();
		Term relevant = offerings.isEmpty() ? Term.containing(today) : offerings.get(0).getTerm();
		Syllabus syllabus = (version != null) ? versionsOldestFirst.stream()
			.filter((candidate) -> candidate.getValidFrom().equals(version))
			.findFirst()
			.orElse(null) : applicableVersion(versionsOldestFirst, relevant);
		List<CoursePage.Version> versions = versions(versionsOldestFirst, Term.containing(today));
		if (syllabus == null) {
			return new CoursePage(course, offerings, recent, null, null, List.of(), Set.of(), versions, List.of());
		}
		Term validThrough = versions.stream()
			.filter((shown) -> shown.from().equals(syllabus.getValidFrom()))
			.findFirst()
			.map(CoursePage.Version::through)
			.orElse(null);
		List<Prerequisite> shown = prerequisites.apply(syllabus);
		Syllabus before = versionsOldestFirst.stream()
			.filter((other) -> other.getValidFrom().compareTo(syllabus.getValidFrom()) < 0)
			.reduce((first, second) -> second)
			.orElse(null);
		List<String> changed = (before != null) ? changed(before, prerequisites.apply(before), syllabus, shown)
				: List.of();
		Set<String> codes = new HashSet<>();
		shown.forEach((prerequisite) -> codes.addAll(prerequisite.getEquivalentCodes()));
		Set<String> linkable = codes.isEmpty() ? Set.of() : Set.copyOf(publishedAmong.apply(codes));
		return new CoursePage(course, offerings, recent, syllabus, validThrough, shown, linkable, versions, changed);
	}

	/**
	 * The parts of a syllabus that differ between two versions, as the headings that name
	 * them on the page, in the page's order.
	 */
	static List<String> changed(Syllabus before, List<Prerequisite> prerequisitesBefore, Syllabus after,
			List<Prerequisite> prerequisitesAfter) {
		List<String> changed = new ArrayList<>();
		if (!Objects.equals(before.getContents(), after.getContents())) {
			changed.add("course.syllabus.contents");
		}
		if (!Objects.equals(before.getOutcomes(), after.getOutcomes())) {
			changed.add("course.syllabus.outcomes");
		}
		if (!Objects.equals(before.getPrerequisitesNote(), after.getPrerequisitesNote())
				|| !prerequisitesInWords(prerequisitesBefore).equals(prerequisitesInWords(prerequisitesAfter))) {
			changed.add("course.syllabus.prerequisites");
		}
		if (!Objects.equals(before.getLiterature(), after.getLiterature())) {
			changed.add("course.syllabus.literature");
		}
		if (!modulesInWords(before).equals(modulesInWords(after))) {
			changed.add("course.syllabus.modules");
		}
		if (!Objects.equals(before.getExaminationNotes(), after.getExaminationNotes())) {
			changed.add("course.syllabus.examination");
		}
		if (!Objects.equals(before.getEthicalApproach(), after.getEthicalApproach())) {
			changed.add("course.syllabus.ethics");
		}
		if (!Objects.equals(before.getSupplementary(), after.getSupplementary())) {
			changed.add("course.syllabus.supplementary");
		}
		return changed;
	}

	private static List<String> prerequisitesInWords(List<Prerequisite> prerequisites) {
		return prerequisites.stream()
			.map((prerequisite) -> prerequisite.getDescription() + " " + prerequisite.getEquivalentCodes())
			.toList();
	}

	private static List<String> modulesInWords(Syllabus syllabus) {
		return syllabus.getModules()
			.stream()
			.map((module) -> module.getCode() + " " + module.getName() + " " + module.getCredits().stripTrailingZeros()
					+ " " + module.getGradingScale())
			.toList();
	}

	/**
	 * The versions' terms: each applies from its first term through the term before the
	 * next version's first, so no two overlap.
	 */
	static List<CoursePage.Version> versions(List<Syllabus> versionsOldestFirst, Term now) {
		List<Term> starts = versionsOldestFirst.stream().map(Syllabus::getValidFrom).distinct().sorted().toList();
		List<CoursePage.Version> versions = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Term from = starts.get(i);
			Term through = (i + 1 < starts.size()) ? starts.get(i + 1).previous() : null;
			CoursePage.When when = (from.compareTo(now) > 0) ? CoursePage.When.COMING
					: (through != null && through.compareTo(now) < 0) ? CoursePage.When.PAST : CoursePage.When.CURRENT;
			versions.add(new CoursePage.Version(from, through, when));
		}
		return versions;
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
