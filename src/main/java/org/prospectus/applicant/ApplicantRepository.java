package org.prospectus.applicant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApplicantRepository extends JpaRepository<Applicant, Long> {

	@Query("select a from Applicant a where lower(a.email) = lower(:email)")
	Optional<Applicant> findByEmail(String email);

	/**
	 * Replaces a hash only where it is still the one given; a bulk update, so the row's
	 * version stays as it was.
	 */
	/** Stores the language the applicant uses now, when it is another. */
	@Transactional
	@Modifying
	@Query("update Applicant a set a.language = :language where a.id = :id and a.language <> :language")
	int speaks(long id, String language);

	@Modifying
	@Query("update Applicant a set a.passwordHash = :newHash where a.id = :id and a.passwordHash = :oldHash")
	int replacePasswordHash(long id, String oldHash, String newHash);

}
