package org.prospectus.catalogue;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseOfferingRepository extends JpaRepository<CourseOffering, Long> {

	/**
	 * Offerings that end on or after the given day, with their periods, earliest first.
	 */
	@Query("""
			select distinct o from CourseOffering o left join fetch o.periods
			where o.course = :course and o.endDate >= :from
			order by o.startDate""")
	List<CourseOffering> findEndingFrom(Course course, LocalDate from);

}
