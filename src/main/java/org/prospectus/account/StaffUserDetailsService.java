package org.prospectus.account;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a member of staff for sign-in. Accounts without a password yet and disabled
 * accounts are treated exactly like unknown ones, so that neither the answer nor its
 * timing tells them apart.
 */
class StaffUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private static final Log logger = LogFactory.getLog(StaffUserDetailsService.class);

	private final StaffUserRepository users;

	private final StaffMemberships memberships;

	private final StaffAccounts accounts;

	StaffUserDetailsService(StaffUserRepository users, StaffMemberships memberships, StaffAccounts accounts) {
		this.users = users;
		this.memberships = memberships;
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		StaffUser user = this.users.findByEmailWithRoles(SignInThrottle.accountKey(username))
			.filter(StaffUser::hasPassword)
			.filter(StaffUser::isEnabled)
			.orElseThrow(() -> new UsernameNotFoundException("No usable account"));
		StaffScope scope = new StaffScope(user.getRoles(), this.memberships.of(user.getId()));
		return new StaffPrincipal(user.getEmail(), user.getPasswordHash(),
				scope.authorities().stream().map(SimpleGrantedAuthority::new).toList(), user.getAccessEpoch(), scope);
	}

	/**
	 * Stores the hash made with today's settings after a sign-in with an older one. The
	 * upgrade is a courtesy: if it cannot be stored, the sign-in still succeeds and the
	 * next one tries again.
	 */
	@Override
	public UserDetails updatePassword(UserDetails user, @Nullable String newPassword) {
		if (newPassword != null && user.getPassword() != null) {
			try {
				this.accounts.upgradePasswordHash(user.getUsername(), user.getPassword(), newPassword);
			}
			catch (DataAccessException ex) {
				logger.warn("Could not store the upgraded password hash of " + user.getUsername(), ex);
			}
		}
		// The principal's copy of the hash is erased once sign-in ends, so it stays as
		// is.
		return user;
	}

}
