package org.prospectus.course;

import java.util.List;
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
 * @param validUntil the term the next syllabus version starts, or {@code null}
 * @param prerequisites the syllabus's specific prerequisites
 * @param linkableCodes codes among the prerequisites that have a public course page
 */
public record CoursePage(Course course, List<CourseOffering> offerings, List<CourseOffering> recentOfferings,
		@Nullable Syllabus syllabus, @Nullable Term validUntil, List<Prerequisite> prerequisites,
		Set<String> linkableCodes) {

	public boolean hasSyllabus() {
		return this.syllabus != null;
	}

}
