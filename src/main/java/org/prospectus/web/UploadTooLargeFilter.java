package org.prospectus.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Sends an upload too large for the servlet container back to its form, which then says
 * so beside its file field.
 * <p>
 * The container stops reading a multipart body beyond {@code spring.servlet.multipart}'s
 * limits and can then read none of its fields, the CSRF token included: the CSRF filter's
 * look-up fails and the person would get a bare error page (413 on Tomcat 11, a CSRF 403
 * on containers that return no parameters instead). This filter runs just before the CSRF
 * filter and answers such a request with a redirect to the same address and query with
 * {@value #PARAMETER} added, without running the request: nothing is changed, so
 * answering without a CSRF check gives a forged request nothing a link would not. Upload
 * forms therefore post to the address of their own page, which reads that parameter (a
 * page with several forms tells them apart by the query, as the applicant's documents
 * page does with the kind). It runs in the applicants' security chain and the staff
 * chain.
 */
public class UploadTooLargeFilter extends OncePerRequestFilter {

	/** Added to the form's address when the upload was too large. */
	public static final String PARAMETER = "upload-too-large";

	private final MultipartResolver multipart = new StandardServletMultipartResolver();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !this.multipart.isMultipart(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// Parses the body, as the CSRF filter's look-up would; the container keeps
			// the parts for the rest of the request.
			this.multipart.resolveMultipart(request);
		}
		catch (MaxUploadSizeExceededException ex) {
			response.setStatus(HttpStatus.SEE_OTHER.value());
			// The query is kept: a page with several upload forms tells them apart by it.
			String query = request.getQueryString();
			response.setHeader(HttpHeaders.LOCATION,
					request.getRequestURI() + "?" + ((query != null) ? query + "&" : "") + PARAMETER);
			return;
		}
		catch (MultipartException ex) {
			// Malformed in another way: the rest of the chain refuses it as before.
		}
		chain.doFilter(request, response);
	}

}
