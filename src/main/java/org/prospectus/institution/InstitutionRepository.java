package org.prospectus.institution;

import java.util.Collection;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InstitutionRepository extends JpaRepository<Institution, Long> {

	Optional<Institution> findBySlug(String slug);

	@Query(value = "select i from Institution i where (:everywhere = true or i.id in :ids) and "
			+ "(lower(i.name) like lower(concat('%', :text, '%')) or lower(i.slug) like lower(concat('%', :text, '%')))",
			countQuery = "select count(i) from Institution i where (:everywhere = true or i.id in :ids) and "
					+ "(lower(i.name) like lower(concat('%', :text, '%')) or lower(i.slug) like lower(concat('%', :text, '%')))")
	Page<Institution> searchForStaff(boolean everywhere, Collection<Long> ids, String text, Pageable pageable);

}
