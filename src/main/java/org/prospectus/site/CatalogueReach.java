package org.prospectus.site;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps editors to their institutions' catalogue (ADR 0018). Every staff address that
 * names a programme, course, round or institution by id is looked up to its institution
 * before any handler runs, and another institution's answers 404, as a missing one does:
 * one place covers every such route, those added later included. A joint round is its
 * coordinator's to edit. Only an editor of every institution adds institutions.
 */
@Component
class CatalogueReach implements HandlerInterceptor, WebMvcConfigurer {

	private static final Pattern RECORD = Pattern
		.compile("^/admin/catalogue/(programmes|courses|rounds|institutions)/(\\d{1,18})(?:/.*)?$");

	private static final Map<String, String> OWNER = Map.of("programmes",
			"select institution_id from programme where id = :id", "courses",
			"select institution_id from course where id = :id", "rounds",
			"select institution_id from application_round where id = :id", "institutions",
			"select id from institution where id = :id");

	private final JdbcClient jdbc;

	CatalogueReach(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/admin/catalogue/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		StaffScope scope = StaffScope.current();
		if (scope.isEverywhere(StaffRole.EDITOR)) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/admin/catalogue/institutions/new")
				|| (path.equals("/admin/catalogue/institutions") && "POST".equals(request.getMethod()))) {
			throw NotFoundException.forMissing("page");
		}
		Matcher matcher = RECORD.matcher(path);
		if (matcher.matches()) {
			Long institution = this.jdbc.sql(OWNER.get(matcher.group(1)))
				.param("id", Long.parseLong(matcher.group(2)))
				.query(Long.class)
				.optional()
				.orElse(null);
			// A record that does not exist is left to its handler's own 404.
			if (institution != null && !scope.covers(StaffRole.EDITOR, institution)) {
				throw NotFoundException.forMissing(matcher.group(1));
			}
		}
		return true;
	}

}
