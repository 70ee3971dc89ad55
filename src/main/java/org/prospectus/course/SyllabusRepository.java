package org.prospectus.course;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SyllabusRepository extends JpaRepository<Syllabus, Long> {

	/**
	 * Every published version of a course's syllabus with its examination modules, oldest
	 * first.
	 */
	@Query("""
			select distinct s from Syllabus s left join fetch s.modules
			where s.course = :course and s.published = true order by s.validFrom""")
	List<Syllabus> findVersionsWithModules(Course course);

	/**
	 * Every version, published or not, with its examination modules, oldest first: for
	 * the staff.
	 */
	@Query("select distinct s from Syllabus s left join fetch s.modules where s.course = :course order by s.validFrom")
	List<Syllabus> findAllVersionsWithModules(Course course);

	@Query("select p from Prerequisite p where p.syllabus = :syllabus order by p.position")
	List<Prerequisite> findPrerequisites(Syllabus syllabus);

	/**
	 * The prerequisites of every published version of a course, in one query: the public
	 * page shows one version's and says what changed from the version before.
	 */
	@Query("""
			select p from Prerequisite p join p.syllabus s
			where s.course = :course and s.published = true order by s.validFrom, p.position""")
	List<Prerequisite> findPublishedPrerequisites(Course course);

	@Query("select s from Syllabus s join fetch s.course c join fetch c.institution where s.id = :id")
	Optional<Syllabus> findWithCourse(long id);

}
