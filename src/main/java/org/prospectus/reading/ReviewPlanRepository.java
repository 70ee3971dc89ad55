package org.prospectus.reading;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewPlanRepository extends JpaRepository<ReviewPlan, Long> {

	/** A plan with its rubric, which every page of it shows. */
	@EntityGraph(attributePaths = "criteria")
	Optional<ReviewPlan> findByRoundIdAndProgrammeId(long roundId, long programmeId);

	@Override
	@EntityGraph(attributePaths = "criteria")
	Optional<ReviewPlan> findById(Long id);

}
