package org.prospectus.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Refuses, before anything reads it, a request whose fields hold a NUL character, or that
 * the container cannot decode at all: no page can show it and PostgreSQL cannot store it
 * in text, so letting it through only turns into a server error deep in a save or a
 * search. The answer is the 400 page, which says what to do. It runs ahead of the
 * security filters, so sign-in forms are covered too. Multipart bodies are left to
 * {@link UploadTooLargeFilter} and the upload checks, which read them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class UnreadableInputFilter extends OncePerRequestFilter {

	private final MultipartResolver multipart = new StandardServletMultipartResolver();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.multipart.isMultipart(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean unreadable;
		try {
			unreadable = holdsNul(request.getParameterMap());
		}
		catch (IllegalStateException ex) {
			// The container could not decode the query or form (a stray %, say).
			unreadable = true;
		}
		if (unreadable) {
			// Ahead of the security filters, so their headers are written here.
			SecurityHeaders.writeForError(response);
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean holdsNul(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

}
