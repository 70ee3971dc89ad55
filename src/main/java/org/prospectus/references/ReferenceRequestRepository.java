package org.prospectus.references;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ReferenceRequestRepository extends Repository<ReferenceRequest, Long> {

	ReferenceRequest save(ReferenceRequest request);

	void delete(ReferenceRequest request);

	/** Writes the requests changed so far, for a statement that reads them. */
	void flush();

	List<ReferenceRequest> findByApplicationIdOrderByPosition(UUID applicationId);

	List<ReferenceRequest> findAllById(Iterable<Long> ids);

	/** The request a link's token names, locked, so that two answers cannot both land. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from ReferenceRequest r where r.tokenHash = :tokenHash")
	Optional<ReferenceRequest> lockByTokenHash(String tokenHash);

	Optional<ReferenceRequest> findByTokenHash(String tokenHash);

}
