package org.prospectus.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/**
 * Ends a staff session when the account changed since sign-in, on whichever instance
 * serves the next request (see {@link AccessEpochFilter}). The whole session goes.
 */
@NamedInterface("api")
public class StaffAccessFilter extends AccessEpochFilter<StaffPrincipal> {

	static final String SESSION_ENDED_URL = "/login?sessionEnded";

	private final JdbcClient jdbc;

	public StaffAccessFilter(JdbcClient jdbc) {
		super(StaffPrincipal.class, SESSION_ENDED_URL);
		this.jdbc = jdbc;
	}

	@Override
	protected @Nullable Long currentEpoch(StaffPrincipal principal) {
		return this.jdbc.sql("select access_epoch from staff_user where email = :email and enabled")
			.param("email", principal.getUsername())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	@Override
	protected long signedInEpoch(StaffPrincipal principal) {
		return principal.accessEpoch();
	}

	@Override
	protected void endSignIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}
