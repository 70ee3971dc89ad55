package org.prospectus.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages: the site's HTML page for every client, unless it asks for JSON by
 * name. Boot's own controller answers JSON to {@code Accept: *}{@code /*}, which is what
 * curl, many crawlers and link checkers send, so they saw a JSON body where a person sees
 * the 404 page.
 */
@Controller
class SiteErrorController extends BasicErrorController {

	/** When to try again after a 503: about as long as a database fails over. */
	static final String RETRY_AFTER_SECONDS = "30";

	private final ErrorAttributes errors;

	SiteErrorController(ErrorAttributes errorAttributes, WebProperties web, List<ErrorViewResolver> resolvers) {
		super(errorAttributes, web.getError(), resolvers);
		this.errors = errorAttributes;
	}

	@Override
	@RequestMapping
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (getStatus(request) != HttpStatus.SERVICE_UNAVAILABLE) {
			return super.errorHtml(request, response);
		}
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		ModelAndView page = super.errorHtml(request, response);
		// The page says why: the database away, or too much at once (password hashing
		// behind, the admission line full), which is no fault of the database.
		page.addObject("databaseAway", DatabaseAway.is(this.errors.getError(new ServletWebRequest(request))));
		return page;
	}

	/** JSON only for a client that names it. */
	@Override
	@RequestMapping(produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		return super.error(request);
	}

	/** Visited directly, the error page is no page at all. */
	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = super.getStatus(request);
		if (status.is5xxServerError() && DatabaseAway.is(this.errors.getError(new ServletWebRequest(request)))) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		return status;
	}

}
