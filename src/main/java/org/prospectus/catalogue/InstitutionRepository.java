package org.prospectus.catalogue;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InstitutionRepository extends JpaRepository<Institution, Long> {

	Optional<Institution> findBySlug(String slug);

}
