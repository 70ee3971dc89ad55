package org.prospectus.site;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may keep a page (issue 15). The public catalogue pages, as an anonymous visitor
 * gets them, may be kept by browsers and shared caches for a minute and served a minute
 * longer while they are fetched again
 * ({@code public, max-age=60, stale-while-revalidate=60}): they change when staff publish
 * or when a round's milestone passes, and the submit checks every deadline to the second
 * whatever a cached page said, so two minutes at most of a stale "closes in 3 hours"
 * costs nobody an application, while a deadline night's crowd reading the same pages is
 * served from caches. {@code Vary: Cookie} keeps a signed-in person's copy of a page,
 * with their name in its header, out of everyone else's.
 * <p>
 * The page's handler must have finished without an error (the interceptor's
 * {@code postHandle}), and at commit the response must still set no cookie and have made
 * no session ({@link #headerWriter()}). Everything else is {@code no-store}: staff and
 * applicant pages, public pages for someone with a session, errors, and anything not a
 * GET or HEAD. A response that names its own caching (a PDF, a feed, the sitemap) keeps
 * it.
 */
@Component
class PublicPageCaching implements HandlerInterceptor, WebMvcConfigurer {

	static final String PUBLIC = "public, max-age=60, stale-while-revalidate=60";

	static final List<String> PAGES = List.of("/", "/programmes", "/programmes/*", "/programmes/*/entry/{year:[0-9]+}",
			"/courses/*", "/courses/*/syllabus/{version:[a-zA-Z]+-[0-9]+}", "/deadlines", "/compare", "/careers",
			"/guide", "/finder", "/privacy", "/privacy/*", "/accessibility", "/contact", "/contact/*");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(PAGES);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (isGetOrHead(request) && response.getStatus() == HttpServletResponse.SC_OK
				&& !response.containsHeader(HttpHeaders.CACHE_CONTROL) && isAnonymous(request)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		}
	}

	/**
	 * The security headers' part: {@code no-store} unless the response names its own
	 * caching, and {@code no-store} after all for a public page that made a session or
	 * sets a cookie while it was rendered.
	 */
	static HeaderWriter headerWriter() {
		CacheControlHeadersWriter noStore = new CacheControlHeadersWriter();
		return (request, response) -> {
			if (PUBLIC.equals(response.getHeader(HttpHeaders.CACHE_CONTROL))
					&& (!isAnonymous(request) || response.containsHeader(HttpHeaders.SET_COOKIE))) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
				response.setHeader(HttpHeaders.PRAGMA, "no-cache");
				response.setHeader(HttpHeaders.EXPIRES, "0");
				return;
			}
			noStore.writeHeaders(request, response);
		};
	}

	/** A HEAD is answered as its GET is, without the body (RFC 9110). */
	static boolean isGetOrHead(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	/** No session, and no session cookie either: nothing in the page is anybody's own. */
	private static boolean isAnonymous(HttpServletRequest request) {
		return request.getSession(false) == null && !hasSessionCookie(request);
	}

	/** Whether the request names a session, expired or not. */
	static boolean hasSessionCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies != null && Arrays.stream(cookies).anyMatch((cookie) -> "SESSION".equals(cookie.getName()));
	}

}
