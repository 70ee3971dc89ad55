package org.prospectus.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the language from the address (ADR 0035), ahead of every other filter but the
 * request id. {@code /sv/programmes/x} is handed on as the page {@code /programmes/x}
 * with {@code /sv} as part of its context path, so that routes, security rules, the page
 * cache's patterns and every redirect and link made from the context path are written
 * once and keep the language. An address under any other first segment is left alone:
 * {@code /de/programmes} reaches no handler and gets the site's 404 page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LanguagePaths extends OncePerRequestFilter {

	private final Languages languages;

	LanguagePaths(Languages languages) {
		this.languages = languages;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error page is rendered in the language of the address that failed.
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String root = request.getContextPath();
		String path = request.getRequestURI().substring(root.length());
		if (request.getDispatcherType() == DispatcherType.ERROR
				|| request.getDispatcherType() == DispatcherType.ASYNC) {
			if (request.getAttribute(Languages.LANGUAGE) instanceof Locale language) {
				chain.doFilter(new Prefixed(request, root, this.languages.prefix(language), path), response);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		int end = path.indexOf('/', 1);
		String segment = (end < 0) ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
		Optional<Locale> language = this.languages.ofPrefix(segment);
		if (language.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String prefix = "/" + segment;
		String rest = path.substring(prefix.length());
		request.setAttribute(Languages.LANGUAGE, language.get());
		request.setAttribute(Languages.ROOT, root);
		chain.doFilter(new Prefixed(request, root, prefix, rest.isEmpty() ? "/" : rest), response);
	}

	/**
	 * The request as the page behind the prefix: the prefix is part of the context path.
	 */
	private static final class Prefixed extends HttpServletRequestWrapper {

		private final String contextPath;

		private final String requestUri;

		private final String servletPath;

		Prefixed(HttpServletRequest request, String root, String prefix, String path) {
			super(request);
			this.contextPath = root + prefix;
			this.requestUri = this.contextPath + path;
			this.servletPath = path;
		}

		@Override
		public String getContextPath() {
			return this.contextPath;
		}

		@Override
		public String getRequestURI() {
			return this.requestUri;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer(64).append(getScheme()).append("://").append(getServerName());
			int port = getServerPort();
			if (port > 0
					&& !((port == 80 && "http".equals(getScheme())) || (port == 443 && "https".equals(getScheme())))) {
				url.append(':').append(port);
			}
			return url.append(this.requestUri);
		}

		@Override
		public String getServletPath() {
			return this.servletPath;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

	}

}
