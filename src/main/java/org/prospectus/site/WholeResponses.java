package org.prospectus.site;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No response is ever cut off (issue 26, ADR 0027). Every response is held whole until
 * the request's work is done, the session store's save included, and only then sent, with
 * its length. A failure at any point before that (the database gone mid-render, the
 * session not saved) finds nothing sent, and the person gets the site's error page rather
 * than half a page on a connection that is then dropped.
 * <p>
 * Only a body larger than {@link #HOLD_AT_MOST} (a document download) is sent as it is
 * written, with the length its writer declared, so a client can always tell a whole body
 * from a broken one. Static files are not held: they are read from the jar, not the
 * database.
 */
@Component
@Order(AdmissionControl.ORDER + 1)
class WholeResponses extends OncePerRequestFilter {

	static final int HOLD_AT_MOST = (int) DataSize.ofMegabytes(2).toBytes();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return StaticFiles.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RenderedPage whole = new RenderedPage(response, HOLD_AT_MOST);
		try {
			chain.doFilter(request, whole);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// Nothing of the failed response has left: the error page takes its place.
			if (!whole.isStreamed()) {
				whole.resetBuffer();
			}
			throw ex;
		}
		whole.send();
	}

}
