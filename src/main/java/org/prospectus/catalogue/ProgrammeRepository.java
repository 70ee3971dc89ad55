package org.prospectus.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProgrammeRepository extends JpaRepository<Programme, Long> {

	@Query("select p from Programme p join fetch p.institution where p.slug = :slug and p.state in :states")
	Optional<Programme> findBySlugAndStateIn(String slug, Collection<PublicationState> states);

	@Query("select p from Programme p join fetch p.institution where p.state = :state order by p.title")
	List<Programme> findByStateWithInstitution(PublicationState state);

}
