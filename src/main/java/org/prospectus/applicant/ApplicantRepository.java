package org.prospectus.applicant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApplicantRepository extends JpaRepository<Applicant, Long> {

	@Query("select a from Applicant a where lower(a.email) = lower(:email)")
	Optional<Applicant> findByEmail(String email);

	/**
	 * Replaces a hash only where it is still the one given; a bulk update, so the row's
	 * version stays as it was.
	 */
	@Modifying
	@Query("update Applicant a set a.passwordHash = :newHash where a.id = :id and a.passwordHash = :oldHash")
	int replacePasswordHash(long id, String oldHash, String newHash);

}
