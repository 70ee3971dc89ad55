package org.prospectus.reading;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationReadRepository extends JpaRepository<ApplicationRead, Long> {

	List<ApplicationRead> findByApplicationIdOrderByAssignedAtAscIdAsc(UUID applicationId);

	/** A read with its plan and the plan's rubric, which its page shows. */
	@Override
	@EntityGraph(attributePaths = { "plan", "plan.criteria" })
	Optional<ApplicationRead> findById(Long id);

}
