package org.prospectus.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

	@Query("select u from StaffUser u left join fetch u.roles where lower(u.email) = lower(:email)")
	Optional<StaffUser> findByEmailWithRoles(String email);

	@Query("select distinct u from StaffUser u left join fetch u.roles order by u.email")
	List<StaffUser> findAllWithRoles();

	@Query("select u from StaffUser u left join fetch u.roles where u.id = :id")
	Optional<StaffUser> findByIdWithRoles(long id);

	@Query("select count(u) from StaffUser u join u.roles r where r = org.prospectus.account.StaffRole.ADMIN "
			+ "and u.enabled = true and u.id <> :id")
	long countActiveAdministratorsOtherThan(long id);

	@Query("select count(u) > 0 from StaffUser u join u.roles r where r = org.prospectus.account.StaffRole.ADMIN "
			+ "and u.passwordHash is not null and u.enabled = true")
	boolean existsActiveAdministrator();

	/**
	 * Replaces a hash only where it is still the one given; a bulk update, so the row's
	 * version stays as it was.
	 */
	@Modifying
	@Query("update StaffUser u set u.passwordHash = :newHash where lower(u.email) = lower(:email) "
			+ "and u.passwordHash = :oldHash")
	int replacePasswordHash(String email, String oldHash, String newHash);

}
