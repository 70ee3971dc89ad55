package org.prospectus.programme;

import java.util.List;

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
	public List<Link> of(long courseId) {
		return this.jdbc.sql("""
				select p.slug, p.title from programme p
				where p.state = 'PUBLISHED'
				  and exists (select 1 from programme_plan_entry e where e.programme_id = p.id and e.course_id = :course
				              and e.entry_year is null)
				order by p.title, p.slug""")
			.param("course", courseId)
			.query((rs, n) -> new Link(rs.getString("slug"), rs.getString("title")))
			.list();
	}

}
