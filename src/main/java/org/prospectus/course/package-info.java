/**
 * Courses: the course page and its PDF syllabus, syllabus versions, offerings in terms,
 * and the editors' pages that stage changes to them. A course belongs to an institution
 * and never names a programme. Offers {@link org.prospectus.course.CourseService} for
 * reading and the term and credit vocabulary programmes share.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}: {@code Course},
 * {@code CourseProgrammes}, {@code CoursePublishing}, {@code CourseService},
 * {@code CourseStructuredData}, {@code CreditSystem}, {@code Season}; everything else is
 * its own.
 */
@ApplicationModule(
		allowedDependencies = { "account::api", "audit::api", "institution::api", "staging::api", "support", "web" })
@NullMarked
package org.prospectus.course;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
