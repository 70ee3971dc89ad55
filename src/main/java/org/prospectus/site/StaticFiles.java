package org.prospectus.site;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The files that are the same for everyone and come from the jar, not the database: they
 * have a security chain of their own that never touches the session, never wait their
 * turn, and are not held whole (ADR 0027). One list, so that those places agree.
 */
final class StaticFiles {

	static final String[] PATHS = { "/static/**", "/webjars/**", "/favicon.ico" };

	private static final RequestMatcher MATCHER = new OrRequestMatcher(
			Arrays.stream(PATHS).map((path) -> PathPatternRequestMatcher.withDefaults().matcher(path)).toList());

	private StaticFiles() {
	}

	static boolean matches(HttpServletRequest request) {
		return MATCHER.matches(request);
	}

}
