package org.prospectus.guide;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GuideSectionRepository extends JpaRepository<GuideSection, Long> {

	/** The whole guide, sections with their entries, in one query. */
	@Query("select distinct s from GuideSection s left join fetch s.entries order by s.position")
	List<GuideSection> findAllWithEntries();

}
