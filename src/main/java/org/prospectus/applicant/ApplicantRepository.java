package org.prospectus.applicant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApplicantRepository extends JpaRepository<Applicant, Long> {

	@Query("select a from Applicant a where lower(a.email) = lower(:email)")
	Optional<Applicant> findByEmail(String email);

}
