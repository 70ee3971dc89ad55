package org.prospectus.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a member of staff for sign-in. Accounts without a password yet and disabled
 * accounts are treated exactly like unknown ones, so that neither the answer nor its
 * timing tells them apart.
 */
class StaffUserDetailsService implements UserDetailsService {

	private final StaffUserRepository users;

	private final StaffMemberships memberships;

	StaffUserDetailsService(StaffUserRepository users, StaffMemberships memberships) {
		this.users = users;
		this.memberships = memberships;
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

}
