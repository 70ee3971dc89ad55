package org.prospectus.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session when the account changed since sign-in: disabled, roles changed or
 * a new password. Sessions live in each instance's servlet container (ADR 0008), so the
 * instance that makes the change cannot reach the sessions of the others; instead every
 * instance compares the session's access epoch with the account's on each signed-in
 * request, one indexed lookup, and sends the person to sign in again when they differ.
 */
public class StaffAccessFilter extends OncePerRequestFilter {

	static final String SESSION_ENDED_URL = "/login?sessionEnded";

	private final JdbcClient jdbc;

	public StaffAccessFilter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
				&& !stillValid(principal)) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + SESSION_ENDED_URL);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean stillValid(StaffPrincipal principal) {
		return this.jdbc.sql("select access_epoch from staff_user where email = :email and enabled")
			.param("email", principal.getUsername())
			.query(Long.class)
			.optional()
			.filter((epoch) -> epoch == principal.accessEpoch())
			.isPresent();
	}

}
