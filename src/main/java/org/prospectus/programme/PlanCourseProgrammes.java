package org.prospectus.programme;

import java.util.List;
import java.util.Locale;

import org.prospectus.course.CourseProgrammes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The published programmes whose plan lists a course, in one statement. */
@Component
class PlanCourseProgrammes implements CourseProgrammes {

	private final JdbcClient jdbc;

	PlanCourseProgrammes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Link> of(long courseId, Locale language) {
		return this.jdbc.sql("""
				select p.slug, coalesce(nullif(p.translations -> :language ->> 'title', ''), p.title) as title,
				       case when nullif(p.translations -> :language ->> 'title', '') is null then i.main_language
				            else :language end as written_in
				from programme p join institution_languages_for_programme i on i.id = p.institution_id
				where p.state = 'PUBLISHED'
				  and exists (select 1 from programme_plan_entry e where e.programme_id = p.id and e.course_id = :course
				              and e.entry_year is null)
				order by 2, p.slug""")
			.param("course", courseId)
			.param("language", language.toLanguageTag())
			.query((rs, n) -> new Link(rs.getString("slug"), rs.getString("title"), rs.getString("written_in")))
			.list();
	}

}
