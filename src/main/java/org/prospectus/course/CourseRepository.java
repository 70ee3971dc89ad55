package org.prospectus.course;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.prospectus.staging.PublicationState;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface CourseRepository extends JpaRepository<Course, Long> {

	/** A course whose page is public: published, or retired and kept for reference. */
	@Query("select c from Course c join fetch c.institution where c.code = :code "
			+ "and c.state <> org.prospectus.staging.PublicationState.DRAFT")
	Optional<Course> findVisibleByCode(String code);

	@Query("select c.code from Course c where c.code in :codes and c.state = org.prospectus.staging.PublicationState.PUBLISHED")
	List<String> findPublishedCodes(Collection<String> codes);

	/**
	 * Every published course with each of its published syllabus versions, a row each
	 * (one with no version for a course that has none), by code and then version.
	 */
	@Query("""
			select new org.prospectus.course.CourseRepository$PublishedVersion(c.code, c.updatedAt, s.validFrom)
			from Course c left join Syllabus s on s.course = c and s.published = true
			where c.state = org.prospectus.staging.PublicationState.PUBLISHED order by c.code, s.validFrom""")
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FETCH_SIZE, value = "1000"))
	Stream<PublishedVersion> streamPublishedVersions();

	/** A published course and one of its published syllabus versions, if it has any. */
	record PublishedVersion(String code, Instant updatedAt, @Nullable Term validFrom) {
	}

	Optional<Course> findByCode(String code);

	boolean existsByCode(String code);

	@Query("select c from Course c join fetch c.institution where c.id = :id")
	Optional<Course> findWithInstitution(long id);

	@Query(value = "select c from Course c join fetch c.institution i where (:everywhere = true or i.id in :ids) and (:state is null or c.state = :state) and "
			+ "(lower(c.title) like lower(concat('%', :text, '%')) or lower(c.code) like lower(concat('%', :text, '%')) "
			+ "or lower(i.name) like lower(concat('%', :text, '%')))",
			countQuery = "select count(c) from Course c join c.institution i where (:everywhere = true or i.id in :ids) and (:state is null or c.state = :state) and "
					+ "(lower(c.title) like lower(concat('%', :text, '%')) or lower(c.code) like lower(concat('%', :text, '%')) "
					+ "or lower(i.name) like lower(concat('%', :text, '%')))")
	Page<Course> searchForStaff(boolean everywhere, Collection<Long> ids, String text, @Nullable PublicationState state,
			Pageable pageable);

}
