package org.prospectus.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseRepository extends JpaRepository<Course, Long> {

	@Query("select c from Course c join fetch c.institution where c.code = :code and c.state in :states")
	Optional<Course> findByCodeAndStateIn(String code, Collection<PublicationState> states);

	@Query("select c.code from Course c where c.code in :codes and c.state = org.prospectus.catalogue.PublicationState.PUBLISHED")
	List<String> findPublishedCodes(Collection<String> codes);

	Optional<Course> findByCode(String code);

}
