package org.prospectus.applications;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

	ApplicationFinder(ApplicationRepository applications) {
		this.applications = applications;
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

	/** The applications with these ids, in no particular order. */
	public List<Application> all(Iterable<UUID> ids) {
		return this.applications.findAllById(ids);
	}

}
