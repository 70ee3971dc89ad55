package org.prospectus.support;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.util.WebUtils;

/**
 * The session cookie, as the portal sends and reads it, and for MockMvc a second carrier
 * (ADR 0020): the {@code MockHttpSession} a test passes with {@code .session(…)} holds
 * the id of the session in the shared JDBC store, as a browser's cookie jar would. So
 * every MockMvc test goes through the real session store, and the tests that hand a
 * session from request to request need no cookie bookkeeping. A session that ends
 * invalidates its carrier, as it ends a browser's.
 */
final class MockSessionIdResolver implements HttpSessionIdResolver {

	static final String ID = MockSessionIdResolver.class.getName() + ".ID";

	private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

	MockSessionIdResolver(CookieSerializer serializer) {
		this.cookies.setCookieSerializer(serializer);
	}

	@Override
	public List<String> resolveSessionIds(HttpServletRequest request) {
		List<String> ids = this.cookies.resolveSessionIds(request);
		if (!ids.isEmpty()) {
			return ids;
		}
		HttpSession carrier = carrier(request, false);
		return (carrier != null && carrier.getAttribute(ID) instanceof String id) ? List.of(id) : List.of();
	}

	@Override
	public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
		this.cookies.setSessionId(request, response, sessionId);
		HttpSession carrier = carrier(request, true);
		if (carrier != null) {
			carrier.setAttribute(ID, sessionId);
		}
	}

	@Override
	public void expireSession(HttpServletRequest request, HttpServletResponse response) {
		this.cookies.expireSession(request, response);
		HttpSession carrier = carrier(request, false);
		if (carrier != null && carrier.getAttribute(ID) != null) {
			carrier.invalidate();
		}
	}

	private static HttpSession carrier(HttpServletRequest request, boolean create) {
		MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
		return (mock != null) ? mock.getSession(create) : null;
	}

}
