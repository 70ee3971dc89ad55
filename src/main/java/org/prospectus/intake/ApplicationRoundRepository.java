package org.prospectus.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.prospectus.staging.PublicationState;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ApplicationRoundRepository extends JpaRepository<ApplicationRound, Long> {

	@Query("select r from ApplicationRound r join fetch r.institution where :programmeId in (select p.id from r.programmes p) order by r.deadlineAt")
	List<ApplicationRound> findByProgrammeId(Long programmeId);

	/**
	 * The rounds of several programmes in one query, as pairs of the programme's id and
	 * the round (with its institution).
	 */
	@Query("select p.id, r from ApplicationRound r join fetch r.institution join r.programmes p "
			+ "where p.id in :programmeIds order by r.deadlineAt")
	List<Object[]> findByProgrammeIds(Collection<Long> programmeIds);

	/**
	 * Rounds whose deadline has not passed, with institution and programmes, soonest
	 * first.
	 */
	@Query("""
			select distinct r from ApplicationRound r join fetch r.institution left join fetch r.programmes p
			left join fetch p.institution
			where r.deadlineAt >= :now order by r.deadlineAt""")
	List<ApplicationRound> findWithDeadlineFrom(Instant now);

	/**
	 * Rounds whose studies start at or after an instant, with institution and programmes,
	 * soonest deadline first.
	 */
	@Query("""
			select distinct r from ApplicationRound r join fetch r.institution left join fetch r.programmes
			where r.studiesStartAt >= :since order by r.deadlineAt""")
	List<ApplicationRound> findWithStudiesStartFrom(Instant since);

	@Query(value = "select r from ApplicationRound r join fetch r.institution i "
			+ "where (:everywhere = true or i.id in :ids) and (lower(r.name) like lower(concat('%', :text, '%')) or lower(i.name) like lower(concat('%', :text, '%')))",
			countQuery = "select count(r) from ApplicationRound r join r.institution i "
					+ "where (:everywhere = true or i.id in :ids) and (lower(r.name) like lower(concat('%', :text, '%')) or lower(i.name) like lower(concat('%', :text, '%')))")
	Page<ApplicationRound> searchForStaff(boolean everywhere, Collection<Long> ids, String text, Pageable pageable);

	@Query("select r from ApplicationRound r join fetch r.institution where r.id = :id")
	Optional<ApplicationRound> findWithInstitution(long id);

	boolean existsBySlug(String slug);

	/** Which of these slugs rounds have. */
	@Query("select r.slug from ApplicationRound r where r.slug in :slugs")
	List<String> findTakenSlugs(Collection<String> slugs);

	@Query("select r from ApplicationRound r join fetch r.institution where r.id in :ids")
	List<ApplicationRound> findAllWithInstitution(Collection<Long> ids);

	@Query("""
			select new org.prospectus.intake.RoundChoices$Row(r.choiceLimit, ri.id, ri.timeZone, p.id, p.title, pi.id,
				pi.name)
			from ApplicationRound r join r.institution ri
				left join r.programmes p on p.state = :state left join p.institution pi
			where r.id = :id""")
	List<RoundChoices.Row> findChoices(long id, PublicationState state);

	@Query("select distinct r from ApplicationRound r join fetch r.institution left join fetch r.programmes where r.slug = :slug")
	Optional<ApplicationRound> findBySlugWithProgrammes(String slug);

	/** The copy a round was rolled over to, if it was. */
	@Query("select r from ApplicationRound r join fetch r.institution where r.rolledFromId = :id")
	Optional<ApplicationRound> findRolledFrom(long id);

	/**
	 * An institution's published rounds that have not been rolled over, with their
	 * programmes, soonest deadline first.
	 */
	@Query("""
			select distinct r from ApplicationRound r join fetch r.institution i left join fetch r.programmes
			where i.id = :institutionId and r.everPublished = true
			and not exists (select 1 from ApplicationRound c where c.rolledFromId = r.id)
			order by r.deadlineAt""")
	List<ApplicationRound> findNotRolledOver(long institutionId);

	/** Locks a round's row until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from ApplicationRound r where r.id = :id")
	Optional<ApplicationRound> lock(long id);

}
