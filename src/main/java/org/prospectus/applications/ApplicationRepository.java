package org.prospectus.applications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApplicationRepository extends JpaRepository<Application, UUID> {

	/** An application, only if it is the given applicant's. */
	@Query("""
			select a from Application a join fetch a.round r join fetch r.institution
			where a.id = :id and a.applicant.id = :applicantId""")
	Optional<Application> findOwned(UUID id, long applicantId);

	/** As {@link #findOwned}, locked until the transaction ends: one submit at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Application a where a.id = :id and a.applicant.id = :applicantId")
	Optional<Application> lockOwned(UUID id, long applicantId);

	@Query("select a.id from Application a where a.applicant.id = :applicantId and a.round.id = :roundId")
	Optional<UUID> findIdByApplicantAndRound(long applicantId, long roundId);

	@Query("""
			select a from Application a join fetch a.round r join fetch r.institution
			where a.applicant.id = :applicantId order by a.createdAt desc""")
	List<Application> findByApplicant(long applicantId);

	/**
	 * A submitted application, whoever's, for admissions staff. Drafts are not theirs.
	 */
	@Query("""
			select a from Application a join fetch a.round r join fetch r.institution join fetch a.applicant
			where a.id = :id and a.status <> org.prospectus.applications.ApplicationStatus.DRAFT""")
	Optional<Application> findSubmitted(UUID id);

	/**
	 * The applications with these ids, with their rounds, institutions and applicants, in
	 * one query: their callers write to each applicant.
	 */
	@Query("""
			select a from Application a join fetch a.round r join fetch r.institution join fetch a.applicant
			where a.id in :ids""")
	List<Application> findAllWithApplicant(Collection<UUID> ids);

	/** As {@link #findSubmitted}, locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Application a where a.id = :id and a.status <> org.prospectus.applications.ApplicationStatus.DRAFT")
	Optional<Application> lockSubmitted(UUID id);

	/**
	 * Until when admissions staff let the applicant submit to, or send documents for, a
	 * round after its deadline; empty when they did not.
	 * @param kind SUBMIT or DOCUMENTS
	 */
	@Query(value = """
			select e.until_at from deadline_exception e join applicant_emails_for_applications p on p.email = e.email
			where e.round_id = :roundId and p.id = :applicantId and p.closed_at is null and e.kind = :kind""",
			nativeQuery = true)
	Optional<Instant> findExceptionUntil(long roundId, long applicantId, String kind);

	/** Starts an application unless the applicant has one for the round already. */
	@Modifying
	@Query(value = """
			insert into application (id, reference, applicant_id, round_id)
			values (:id, :reference, :applicantId, :roundId)
			on conflict (applicant_id, round_id) do nothing""", nativeQuery = true)
	int insertIfAbsent(UUID id, String reference, long applicantId, long roundId);

}
