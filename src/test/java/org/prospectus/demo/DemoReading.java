package org.prospectus.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.prospectus.account.StaffPrincipal;
import org.prospectus.account.StaffRole;
import org.prospectus.reading.PlanForm;
import org.prospectus.reading.ReadForm;
import org.prospectus.reading.ReaderDesk;
import org.prospectus.reading.ReviewPlans;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * Selective review in the demo (issue 30): KTH's Machine Learning in its open round is
 * read twice, blind, against a three-criterion rubric; the demo officer spreads its
 * applications over two readers, who have read the oldest three: two agree, one pair
 * disagrees and calls for a third read, which waits for the third reader. Through the
 * same services the pages use; only into a database without the plan.
 */
@Component
class DemoReading {

	/** The demo readers' names; their addresses come from {@link #reader(int)}. */
	static final String[] READERS = { "Rut Reader, KTH", "Sven Reader, KTH", "Tilde Reader, KTH" };

	/**
	 * The scores the two readers give the oldest applications, criterion by criterion.
	 */
	private static final int[][][] SCORES = { { { 5, 4, 4 }, { 4, 4, 5 } }, { { 5, 5, 4 }, { 2, 1, 2 } },
			{ { 3, 3, 4 }, { 3, 4, 3 } } };

	private final ReviewPlans plans;

	private final ReaderDesk desk;

	private final JdbcClient jdbc;

	DemoReading(ReviewPlans plans, ReaderDesk desk, JdbcClient jdbc) {
		this.plans = plans;
		this.desk = desk;
		this.jdbc = jdbc;
	}

	static String reader(int n) {
		return "reader" + n + ".kth@demo.prospectus.example";
	}

	void load() {
		List<Map<String, Object>> place = this.jdbc.sql("""
				select r.id as round, p.id as programme, p.institution_id from application_round r
				join round_programme rp on rp.round_id = r.id join programme p on p.id = rp.programme_id
				where r.slug = :round and p.slug = :programme
				  and not exists (select 1 from review_plan pl where pl.round_id = r.id)""")
			.param("round", DemoCatalogue.KTH_CURRENT_ROUND)
			.param("programme", DemoCatalogue.KTH_PROGRAMME)
			.query()
			.listOfRows();
		if (place.size() != 1) {
			return;
		}
		long round = ((Number) place.get(0).get("round")).longValue();
		long programme = ((Number) place.get(0).get("programme")).longValue();
		long kth = ((Number) place.get(0).get("institution_id")).longValue();
		try {
			act(DemoApplications.OFFICER, EnumSet.of(StaffRole.ADMISSIONS), Map.of());
			PlanForm form = new PlanForm();
			form.setReads("2");
			form.setBlind(true);
			form.setDisagreement("2");
			form.setCriteria(List.of(row("Academic record", "5", "2"), row("Fit with the programme", "5", "1"),
					row("Research and project experience", "5", "1")));
			if (!this.plans.save(round, programme, form, new BeanPropertyBindingResult(form, "planForm"))) {
				return;
			}
			this.plans.assign(round, programme, Set.of(id(reader(1)), id(reader(2))));
			List<Long> criteria = this.jdbc
				.sql("select c.id from review_criterion c join review_plan p on p.id = c.plan_id"
						+ " where p.round_id = :round order by c.position")
				.param("round", round)
				.query(Long.class)
				.list();
			for (int n = 1; n <= 2; n++) {
				act(reader(n), Set.of(), Map.of(StaffRole.READER, Set.of(kth)));
				List<Long> reads = this.jdbc.sql("""
						select r.id from application_read r join application a on a.id = r.application_id
						where r.reader_id = :reader order by a.submitted_at, a.id limit :limit""")
					.param("reader", id(reader(n)))
					.param("limit", SCORES.length)
					.query(Long.class)
					.list();
				for (int i = 0; i < reads.size(); i++) {
					ReadForm read = new ReadForm();
					for (int c = 0; c < criteria.size(); c++) {
						read.getScores().put(criteria.get(c).toString(), Integer.toString(SCORES[i][n - 1][c]));
					}
					read.setComment((SCORES[i][n - 1][0] >= 4) ? "A strong record and a clear reason to come."
							: "Solid, but the statement says little about what they want to learn.");
					this.desk.save(reads.get(i), read, true, new BeanPropertyBindingResult(read, "readForm"));
				}
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static PlanForm.Row row(String name, String scale, String weight) {
		PlanForm.Row row = new PlanForm.Row();
		row.setName(name);
		row.setScale(scale);
		row.setWeight(weight);
		return row;
	}

	private long id(String email) {
		return this.jdbc.sql("select id from staff_user where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private static void act(String email, Set<StaffRole> everywhere, Map<StaffRole, Set<Long>> at) {
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal.authentication(StaffPrincipal.acting(email, everywhere, at)));
	}

}
