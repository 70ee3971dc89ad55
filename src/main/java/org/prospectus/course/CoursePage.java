package org.prospectus.course;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything the public course page shows.
 *
 * @param course the course with its institution
 * @param offerings offerings running now or to come, soonest first
 * @param recentOfferings offerings that ended within the last year, latest first
 * @param syllabus the syllabus version that applies, or {@code null} when none is
 * published
 * @param validThrough the last term the version shown applies in, the one before the next
 * version's first; {@code null} while no later version is published
 * @param prerequisites the syllabus's specific prerequisites
 * @param linkableCodes codes among the prerequisites that have a public course page
 * @param versions every published syllabus version, oldest first
 * @param changedSincePrevious the parts of the syllabus that differ from the version
 * before the one shown, as the message keys of their headings; empty for the first
 */
public record CoursePage(Course course, List<CourseOffering> offerings, List<CourseOffering> recentOfferings,
		@Nullable Syllabus syllabus, @Nullable Term validThrough, List<Prerequisite> prerequisites,
		Set<String> linkableCodes, List<Version> versions, List<String> changedSincePrevious) {

	public boolean hasSyllabus() {
		return this.syllabus != null;
	}

	/**
	 * Whether the page in this language shows any of its syllabus translated: a text, a
	 * module's name or a prerequisite's description; it then says which language's
	 * version applies.
	 */
	public boolean isSyllabusTranslatedInto(Locale language) {
		if (this.syllabus == null) {
			return false;
		}
		String tag = language.toLanguageTag();
		return this.syllabus.isTranslatedInto(language) || this.prerequisites.stream()
			.anyMatch((prerequisite) -> prerequisite.translation(tag, "description") != null);
	}

	/** Whether this is the version whose syllabus the page shows. */
	public boolean isShown(Version version) {
		return this.syllabus != null && Objects.equals(version.from(), this.syllabus.getValidFrom());
	}

	/** When a syllabus version applies, seen from today. */
	public enum When {

		/** It ended before the current term. */
		PAST,
		/** It applies in the current term. */
		CURRENT,
		/** It starts in a later term. */
		COMING

	}

	/**
	 * One syllabus version: the terms it applies in, which never overlap another's.
	 *
	 * @param from its first term
	 * @param through its last term, the one before the next version's first; {@code null}
	 * while it is the latest
	 * @param when whether it is past, current or coming
	 */
	public record Version(Term from, @Nullable Term through, When when) {

		/** The address part that names it: {@code autumn-2024}. */
		public String slug() {
			return this.from.slug();
		}

	}

}
