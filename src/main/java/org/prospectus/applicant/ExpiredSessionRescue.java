package org.prospectus.applicant;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Keeps what an applicant typed when their session ended while they were filling in a
 * step. Without a session the request carries no valid CSRF token, so it cannot be saved;
 * instead its fields are kept in a new session, the person signs in again, lands back on
 * the step and finds what they typed in the form, marked as not yet saved. Nothing is
 * saved without a fresh request that passes the CSRF check.
 * <p>
 * Only a browser that sends the cookie of a session that has ended is rescued, and only
 * as much as a step's form can hold: a request without a session cookie never gets a
 * session here, so an anonymous client cannot park data in the server's memory.
 */
@NamedInterface("api")
public class ExpiredSessionRescue implements AccessDeniedHandler {

	/** Where the typed fields wait in the new session. */
	public static final String SESSION_KEY = "PROSPECTUS_TYPED_BEFORE_SIGN_IN";

	/**
	 * More than any step's form holds (a statement of at most 20,000 characters, ten
	 * schools).
	 */
	static final int MAX_CHARACTERS = 64 * 1024;

	static final int MAX_FIELDS = 200;

	private static final Pattern STEP = Pattern.compile("/applications/[0-9a-fA-F-]{36}/steps/[a-z]+");

	private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

	private final HttpSessionRequestCache requests;

	ExpiredSessionRescue(HttpSessionRequestCache requests) {
		this.requests = requests;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean signedIn = SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof ApplicantPrincipal;
		if (!(denied instanceof CsrfException) || signedIn || !"POST".equals(request.getMethod())
				|| !STEP.matcher(path).matches() || !sessionEnded(request) || !fits(request.getParameterMap())) {
			forgetNewSession(request);
			this.otherwise.handle(request, response, denied);
			return;
		}
		Map<String, String[]> typed = new HashMap<>(request.getParameterMap());
		typed.remove("_csrf");
		HttpSession session = request.getSession(true);
		session.setAttribute(SESSION_KEY, new Typed(path, typed));
		// Sign-in returns to the step itself, as a page to look at.
		this.requests.saveRequest(new StepPageRequest(request), response);
		response.sendRedirect(request.getContextPath() + ApplicantAuthentication.SIGN_IN_PATH + "?sessionExpired");
	}

	/**
	 * The CSRF check made a session to hold a token for a request that came without any:
	 * a refused request leaves none behind.
	 */
	private static void forgetNewSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.isNew() && request.getRequestedSessionId() == null) {
			session.invalidate();
		}
	}

	/** The browser sent a session cookie, for a session that is no longer there. */
	private static boolean sessionEnded(HttpServletRequest request) {
		return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

	private static boolean fits(Map<String, String[]> parameters) {
		if (parameters.size() > MAX_FIELDS) {
			return false;
		}
		long characters = 0;
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			characters += parameter.getKey().length();
			for (String value : parameter.getValue()) {
				characters += (value != null) ? value.length() : 0;
			}
		}
		return characters <= MAX_CHARACTERS;
	}

	/** The fields typed for a step, if they wait in this session; they are taken once. */
	public static Optional<Map<String, String[]>> take(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(SESSION_KEY) instanceof Typed typed)) {
			return Optional.empty();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!typed.path().equals(path)) {
			return Optional.empty();
		}
		session.removeAttribute(SESSION_KEY);
		return Optional.of(typed.fields());
	}

	/** What was typed, for which step. */
	record Typed(String path, Map<String, String[]> fields) implements Serializable {

	}

	/** The step's page: the POST seen as the GET to return to. */
	private static final class StepPageRequest extends HttpServletRequestWrapper {

		StepPageRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

	}

}
