package org.prospectus.programme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.prospectus.institution.Institution;
import org.prospectus.staging.PublicationState;
import org.prospectus.staging.PublishedEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface ProgrammeRepository extends JpaRepository<Programme, Long> {

	/**
	 * A programme whose page is public: published, or retired and kept for reference. The
	 * states are written out, not a list parameter, so that Hibernate translates the
	 * query once rather than on every page (issue 15).
	 */
	@Query("select p from Programme p join fetch p.institution where p.slug = :slug "
			+ "and p.state <> org.prospectus.staging.PublicationState.DRAFT")
	Optional<Programme> findVisibleBySlug(String slug);

	@Query("select p from Programme p join fetch p.institution where p.state = :state order by p.title")
	List<Programme> findByStateWithInstitution(PublicationState state);

	@Query("select p from Programme p join fetch p.institution where p.id = :id")
	Optional<Programme> findWithInstitution(long id);

	@Query(value = "select p from Programme p join fetch p.institution i where (:everywhere = true or i.id in :ids) and (:state is null or p.state = :state) and "
			+ "(lower(p.title) like lower(concat('%', :text, '%')) or lower(p.code) like lower(concat('%', :text, '%')) "
			+ "or lower(i.name) like lower(concat('%', :text, '%')))",
			countQuery = "select count(p) from Programme p join p.institution i where (:everywhere = true or i.id in :ids) and (:state is null or p.state = :state) and "
					+ "(lower(p.title) like lower(concat('%', :text, '%')) or lower(p.code) like lower(concat('%', :text, '%')) "
					+ "or lower(i.name) like lower(concat('%', :text, '%')))")
	Page<Programme> searchForStaff(boolean everywhere, Collection<Long> ids, String text,
			@Nullable PublicationState state, Pageable pageable);

	@Query("select new org.prospectus.staging.PublishedEntry(p.slug, p.updatedAt) from Programme p "
			+ "where p.state = org.prospectus.staging.PublicationState.PUBLISHED order by p.slug")
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FETCH_SIZE, value = "1000"))
	Stream<PublishedEntry> streamPublishedEntries();

	boolean existsBySlug(String slug);

	boolean existsByInstitutionAndCode(Institution institution, String code);

	@Query("select p from Programme p join fetch p.institution i "
			+ "order by case when i.id = :institutionId then 0 else 1 end, i.name, p.title")
	List<Programme> findAllWithInstitutionFirstOf(long institutionId);

	@Query("select p from Programme p where p.institution.id = :institutionId order by p.title")
	List<Programme> findByInstitutionId(long institutionId);

	@Query("select p from Programme p join fetch p.institution where p.slug in :slugs "
			+ "and p.state = org.prospectus.staging.PublicationState.PUBLISHED")
	List<Programme> findPublishedBySlugs(Collection<String> slugs);

	@Query("select p from Programme p join fetch p.institution where p.id in :ids")
	List<Programme> findAllWithInstitution(Collection<Long> ids);

}
