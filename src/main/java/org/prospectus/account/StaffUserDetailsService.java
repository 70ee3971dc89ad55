package org.prospectus.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
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

	StaffUserDetailsService(StaffUserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		StaffUser user = this.users.findByEmailWithRoles(SignInThrottle.accountKey(username))
			.filter(StaffUser::hasPassword)
			.filter(StaffUser::isEnabled)
			.orElseThrow(() -> new UsernameNotFoundException("No usable account"));
		return new StaffPrincipal(user.getEmail(), user.getPasswordHash(),
				user.getRoles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList(),
				user.getAccessEpoch());
	}

}
