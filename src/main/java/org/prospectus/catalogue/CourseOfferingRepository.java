package org.prospectus.catalogue;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseOfferingRepository extends JpaRepository<CourseOffering, Long> {

	/** Offerings still running or to come on the given day, with their periods. */
	@Query("""
			select distinct o from CourseOffering o left join fetch o.periods
			where o.course = :course and o.endDate >= :today
			order by o.startDate""")
	List<CourseOffering> findCurrentAndUpcoming(Course course, LocalDate today);

}
