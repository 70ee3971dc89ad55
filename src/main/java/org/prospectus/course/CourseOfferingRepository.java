package org.prospectus.course;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseOfferingRepository extends JpaRepository<CourseOffering, Long> {

	/**
	 * Published offerings that end on or after the given day, with their periods,
	 * earliest first.
	 */
	@Query("""
			select distinct o from CourseOffering o left join fetch o.periods
			where o.course = :course and o.endDate >= :from and o.published = true
			order by o.startDate""")
	List<CourseOffering> findEndingFrom(Course course, LocalDate from);

	/**
	 * Published offerings in the terms from {@code from} up to, not including,
	 * {@code until} (no end when {@code null}), with their periods, earliest first: those
	 * a syllabus version applies to, past ones included.
	 */
	@Query("""
			select distinct o from CourseOffering o left join fetch o.periods
			where o.course = :course and o.term >= :from and (:until is null or o.term < :until) and o.published = true
			order by o.startDate""")
	List<CourseOffering> findInTerms(Course course, Term from, @Nullable Term until);

	/**
	 * Every offering of a course, published or not, with its periods, earliest first: for
	 * the staff.
	 */
	@Query("""
			select distinct o from CourseOffering o left join fetch o.periods
			where o.course = :course order by o.startDate""")
	List<CourseOffering> findAllWithPeriods(Course course);

	@Query("select o from CourseOffering o join fetch o.course c join fetch c.institution where o.id = :id")
	Optional<CourseOffering> findWithCourse(long id);

}
