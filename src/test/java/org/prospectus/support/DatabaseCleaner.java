package org.prospectus.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the catalogue and the staff accounts between tests that share the one database,
 * so that every test starts from the data its own builders create.
 */
public final class DatabaseCleaner {

	private DatabaseCleaner() {
	}

	public static void clean(JdbcClient jdbc) {
		jdbc.sql(
				"""
						truncate table guide_entry, guide_section, programme_career, career, application_document, application_choice, application, applicant_token, applicant, audit_change, audit_event, pending_revision, round_programme, application_round, offering_period, course_offering,
						examination_module, syllabus_prerequisite, syllabus, programme_plan_entry, course,
						programme_testimonial, programme_document, programme, institution, sign_in_attempt, mail_request, account_token,
						staff_role, staff_user, mail_outbox, event_publication restart identity cascade""")
			.update();
	}

}
