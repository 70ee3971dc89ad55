package org.prospectus.programme;

import java.util.Collection;
import java.util.List;

import org.prospectus.staging.PublicationState;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PlanEntryRepository extends JpaRepository<PlanEntry, Long> {

	/**
	 * The plan with its courses in one query, their institutions too for the language
	 * their titles are in; draft courses are left out.
	 */
	@Query("""
			select e from PlanEntry e join fetch e.course c join fetch c.institution
			where e.programme = :programme and e.entryYear is null
			and c.state <> org.prospectus.staging.PublicationState.DRAFT
			order by e.studyYear, e.position, c.code""")
	List<PlanEntry> findPublicPlan(Programme programme);

	/**
	 * Another year of entry's plan with its courses in one query; draft courses left out.
	 */
	@Query("""
			select e from PlanEntry e join fetch e.course c join fetch c.institution
			where e.programme = :programme and e.entryYear = :entryYear
			and c.state <> org.prospectus.staging.PublicationState.DRAFT
			order by e.studyYear, e.position, c.code""")
	List<PlanEntry> findPublicPlan(Programme programme, int entryYear);

	/** Another year of entry's whole plan, draft courses included, for editors. */
	@Query("""
			select e from PlanEntry e join fetch e.course c join fetch c.institution
			where e.programme = :programme and e.entryYear = :entryYear
			order by e.studyYear, e.position, c.code""")
	List<PlanEntry> findWholePlan(Programme programme, int entryYear);

	/**
	 * Several programmes' whole plans of another year, with their courses and programmes.
	 */
	@Query("""
			select e from PlanEntry e join fetch e.course c join fetch e.programme
			where e.programme.id in :programmeIds and e.entryYear = :entryYear
			order by e.studyYear, e.position, c.code""")
	List<PlanEntry> findWholePlans(Collection<Long> programmeIds, int entryYear);

	@Modifying(flushAutomatically = true)
	@Query("delete from PlanEntry e where e.programme = :programme and e.entryYear = :entryYear")
	void deleteByProgramme(Programme programme, int entryYear);

	/** The public plans of several programmes in one query. */
	@Query("""
			select e from PlanEntry e join fetch e.course c
			where e.programme.id in :programmeIds and e.entryYear is null
			and c.state <> org.prospectus.staging.PublicationState.DRAFT
			order by e.studyYear, e.position, c.code""")
	List<PlanEntry> findPublicPlans(Collection<Long> programmeIds);

	/** The whole plan, draft courses included, for editors. */
	@Query("""
			select e from PlanEntry e join fetch e.course c join fetch c.institution
			where e.programme = :programme and e.entryYear is null
			order by e.studyYear, e.position, c.code""")
	List<PlanEntry> findWholePlan(Programme programme);

	/** Deletes the current year's plan, and only that: other years keep theirs. */
	@Modifying(flushAutomatically = true)
	@Query("delete from PlanEntry e where e.programme = :programme and e.entryYear is null")
	void deleteByProgramme(Programme programme);

}
