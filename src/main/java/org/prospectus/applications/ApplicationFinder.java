package org.prospectus.applications;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other modules find and lock an application: the module that decides on it reads
 * through here, never through this module's repository. A lock needs the caller's
 * transaction and is held until it ends.
 */
@Component
@NamedInterface("api")
public class ApplicationFinder {

	private final ApplicationRepository applications;

	private final EntityManager entityManager;

	private final JdbcClient jdbc;

	ApplicationFinder(ApplicationRepository applications, EntityManager entityManager, JdbcClient jdbc) {
		this.applications = applications;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
	}

	/**
	 * A submitted application, whoever's, with its round and applicant; never a draft.
	 */
	public Optional<Application> submitted(UUID id) {
		return this.applications.findSubmitted(id);
	}

	/** As {@link #submitted}, locked until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Application> lockSubmitted(UUID id) {
		return this.applications.lockSubmitted(id);
	}

	/** An application, only if it is the given applicant's. */
	public Optional<Application> owned(UUID id, long applicantId) {
		return this.applications.findOwned(id, applicantId);
	}

	/** As {@link #owned}, locked until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Application> lockOwned(UUID id, long applicantId) {
		return this.applications.lockOwned(id, applicantId);
	}

	/** The applicant's application to a round, if they started one. */
	public Optional<UUID> idOf(long applicantId, long roundId) {
		return this.applications.findIdByApplicantAndRound(applicantId, roundId);
	}

	/**
	 * An application, draft or submitted, as it is in the database now (not as this
	 * transaction last read it). The caller knows it exists: it has just read its id.
	 */
	public Application fresh(UUID id) {
		Application application = this.entityManager.find(Application.class, id);
		this.entityManager.refresh(application);
		return application;
	}

	/** As {@link #fresh}, locked until the transaction ends; empty for an unknown id. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Application> lockFresh(UUID id) {
		Application application = this.entityManager.find(Application.class, id, LockModeType.PESSIMISTIC_WRITE);
		if (application != null) {
			this.entityManager.refresh(application);
		}
		return Optional.ofNullable(application);
	}

	/**
	 * The submitted applications among these ids, locked in id order, so that two
	 * transactions locking overlapping sets never wait for each other in a circle.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Application> lockSubmitted(Collection<UUID> ids) {
		return this.entityManager
			.createQuery("select a from Application a where a.id in :ids and a.submittedAt is not null order by a.id",
					Application.class)
			.setParameter("ids", ids)
			.setLockMode(LockModeType.PESSIMISTIC_WRITE)
			.getResultList();
	}

	/**
	 * The ids of the programmes an application ranks, best first: as submitted, or as its
	 * draft has them now, leaving out what is not an id. Empty before any is ranked.
	 */
	public List<Long> rankedProgrammes(UUID id) {
		return this.jdbc
			.sql("""
					select ranked.value from application a
					cross join lateral (select case when a.status = 'DRAFT' then a.answers
					                                else coalesce(a.snapshot, a.answers) end -> 'choices' -> 'ranked' as list) c
					cross join lateral jsonb_array_elements_text(
					    case when jsonb_typeof(c.list) = 'array' then c.list else '[]' end) with ordinality as ranked (value, n)
					where a.id = :id order by ranked.n""")
			.param("id", id)
			.query((rs, row) -> (rs.getString(1) != null) ? ChoicesForm.id(rs.getString(1)) : -1L)
			.list()
			.stream()
			.filter((programmeId) -> programmeId > 0)
			.toList();
	}

	/**
	 * The applications with these ids, in no particular order, with their rounds and
	 * applicants.
	 */
	public List<Application> all(Collection<UUID> ids) {
		return this.applications.findAllWithApplicant(ids);
	}

}
