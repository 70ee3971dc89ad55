package org.prospectus.catalogue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SyllabusRepository extends JpaRepository<Syllabus, Long> {

	/**
	 * Every version of a course's syllabus with its examination modules, oldest first.
	 */
	@Query("select distinct s from Syllabus s left join fetch s.modules where s.course = :course order by s.validFrom")
	List<Syllabus> findVersionsWithModules(Course course);

	@Query("select p from Prerequisite p where p.syllabus = :syllabus order by p.position")
	List<Prerequisite> findPrerequisites(Syllabus syllabus);

}
