package org.prospectus.applicant;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApplicantTokenRepository extends JpaRepository<ApplicantToken, Long> {

	@Query("select t from ApplicantToken t join fetch t.applicant where t.tokenHash = :tokenHash")
	Optional<ApplicantToken> findByTokenHash(String tokenHash);

	/** Ends the unused links of a purpose, so that only the newest one works. */
	@Modifying(flushAutomatically = true)
	@Query("""
			update ApplicantToken t set t.usedAt = :now
			where t.applicant = :applicant and t.purpose = :purpose and t.usedAt is null""")
	int retireUnused(Applicant applicant, ApplicantToken.Purpose purpose, Instant now);

}
