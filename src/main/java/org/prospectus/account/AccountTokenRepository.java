package org.prospectus.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

	@Query("select t from AccountToken t join fetch t.staffUser where t.tokenHash = :tokenHash")
	Optional<AccountToken> findByTokenHash(String tokenHash);

	/** Spends every open link of a person's for one purpose, so only the newest works. */
	@Modifying
	@Query("update AccountToken t set t.usedAt = :now where t.staffUser = :user and t.purpose = :purpose and t.usedAt is null")
	int spendOpenTokens(StaffUser user, TokenPurpose purpose, Instant now);

}
