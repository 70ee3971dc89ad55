/**
 * Courses: the course page and its PDF syllabus, syllabus versions, offerings in terms,
 * and the editors' pages that stage changes to them. A course belongs to an institution
 * and never names a programme. Offers {@link org.prospectus.course.CourseService} for
 * reading and the term and credit vocabulary programmes share.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "institution", "staging", "support", "web" })
@NullMarked
package org.prospectus.course;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
