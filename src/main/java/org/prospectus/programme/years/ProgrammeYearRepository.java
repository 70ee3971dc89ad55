package org.prospectus.programme.years;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.prospectus.programme.Programme;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProgrammeYearRepository extends JpaRepository<ProgrammeYear, Long> {

	/** A programme's other years of entry, in order. */
	@Query("select y from ProgrammeYear y where y.programme = :programme order by y.entryYear")
	List<ProgrammeYear> findByProgramme(Programme programme);

	@Query("select y from ProgrammeYear y join fetch y.programme p join fetch p.institution where y.id = :id")
	Optional<ProgrammeYear> findWithProgramme(long id);

	Optional<ProgrammeYear> findByProgrammeAndEntryYear(Programme programme, int entryYear);

	/**
	 * A published year of a programme whose page is public, with the programme and its
	 * institution: one statement for the year's page.
	 */
	@Query("""
			select y from ProgrammeYear y join fetch y.programme p join fetch p.institution
			where p.slug = :slug and y.entryYear = :year and y.published = true
			and p.state in (org.prospectus.staging.PublicationState.PUBLISHED,
			                org.prospectus.staging.PublicationState.RETIRED)""")
	Optional<ProgrammeYear> findPublishedPage(String slug, int year);

	/** These programmes' years up to and including one, with their programmes. */
	@Query("select y from ProgrammeYear y join fetch y.programme where y.programme.id in :programmeIds and y.entryYear <= :year")
	List<ProgrammeYear> findUpTo(Collection<Long> programmeIds, int year);

	/** Programmes with their institutions, by id. */
	@Query("select p from Programme p join fetch p.institution where p.id in :ids")
	List<Programme> findProgrammes(Collection<Long> ids);

	/** Programmes with a published year of entry after their current one. */
	@Query("""
			select new org.prospectus.programme.years.YearTurn$Candidate(p.id, p.entryYear) from Programme p
			where exists (select 1 from ProgrammeYear y where y.programme = p and y.published = true
			              and y.entryYear > p.entryYear)""")
	List<YearTurn.Candidate> findTurnCandidates();

	/** The programme, its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Programme p join fetch p.institution where p.id = :id")
	Optional<Programme> lockProgramme(long id);

}
