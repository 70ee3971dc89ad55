package org.prospectus.site;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps editors to their institutions' catalogue (ADR 0018), at the web edge. Every staff
 * route that names a programme, course, round or institution by id has its record looked
 * up to its institution before the handler runs, and another institution's answers 404,
 * as a missing one does: one place covers every such route, those added later included.
 * The id is the one the handler is bound to (the matched pattern's variable), never
 * another reading of the address; {@code CanonicalIds} has already refused any spelling
 * of it but the plain digits. The editing services check the same rule again, so this is
 * a second wall, not the only one. A joint round is its coordinator's to edit. Only an
 * editor of every institution adds institutions.
 */
@Component
class CatalogueReach implements HandlerInterceptor, WebMvcConfigurer {

	private static final Pattern RECORD = Pattern
		.compile("^/admin/catalogue/(programmes|courses|rounds|institutions)/\\{(id|courseId)}(?:/.*)?$");

	private static final Map<String, String> OWNER = Map.of("programmes",
			"select institution_id from programme_institutions_for_site where id = :id", "courses",
			"select institution_id from course_institutions_for_site where id = :id", "rounds",
			"select institution_id from intake_round_institutions_for_site where id = :id", "institutions",
			"select id from institution_ids_for_site where id = :id");

	private final JdbcClient jdbc;

	CatalogueReach(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/admin/catalogue/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		StaffScope scope = StaffScope.current();
		if (scope.isEverywhere(StaffRole.EDITOR)) {
			return true;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (!(pattern instanceof String matched)) {
			return true;
		}
		if (matched.equals("/admin/catalogue/institutions/new")
				|| (matched.equals("/admin/catalogue/institutions") && "POST".equals(request.getMethod()))) {
			throw NotFoundException.forMissing("page");
		}
		Matcher matcher = RECORD.matcher(matched);
		if (!matcher.matches()) {
			return true;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String raw = (variables != null) ? variables.get(matcher.group(2)) : null;
		long id;
		try {
			id = Long.parseLong((raw != null) ? raw : "");
		}
		catch (NumberFormatException ex) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return false;
		}
		Long institution = this.jdbc.sql(OWNER.get(matcher.group(1)))
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
		// A record that does not exist is left to its handler's own 404.
		if (institution != null && !scope.covers(StaffRole.EDITOR, institution)) {
			throw NotFoundException.forMissing(matcher.group(1));
		}
		return true;
	}

}
