package org.prospectus.site;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An asset whose address names its version never changes at that address: a WebJar file
 * ({@code /webjars/bootstrap/5.3.8/...}, as every page links it) or one of our own files
 * by the hash of its content ({@code /static/css/prospectus-<md5>.css}, as the resource
 * chain links it). Browsers and shared caches may keep it for a year without asking again
 * ({@code immutable}); a change changes the address. Everything else keeps the static
 * files' hour ({@code spring.web.resources.cache}), and a missing asset, or a hash that
 * is not the file's, is an error page that no one keeps.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class VersionedAssets extends OncePerRequestFilter {

	static final String A_YEAR = "public, max-age=31536000, immutable";

	private static final Pattern VERSIONED = Pattern
		.compile("/webjars/[^/]+/\\d[^/]*/.+|/static/.+-[0-9a-f]{32}\\.[a-z0-9]+");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !VERSIONED.matcher(path(request)).matches();
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The resource handler names its caching only when it serves the file. A missing
		// file gets the security headers' no-store instead, which must stay: they are
		// written through this wrapper before the error status is set, so the status
		// cannot tell the two apart.
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? kept(value) : value);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? kept(value) : value);
			}

		});
	}

	private static String kept(String cacheControl) {
		return cacheControl.contains("no-store") ? cacheControl : A_YEAR;
	}

}
