package org.prospectus.demo.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.demo.bench.ApplicationGenerator.Report;
import org.prospectus.demo.bench.ApplicationGenerator.Settings;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.prospectus.support.StaffSessions.page;

/**
 * The benchmark's generator, at a small size on the shared test database: what it writes
 * holds together as the application's own code would have written it, follows the
 * distributions it promises, and renders on the detail page; a second run adds nothing
 * and a larger number goes on where the first stopped.
 */
@PortalIntegrationTest
class ApplicationGeneratorTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	static final int ROWS = 2_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	String passwordHash;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.passwordHash = this.passwordEncoder.encode(BenchDataRunner.randomPassword());
	}

	@AfterEach
	void tearDown() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.reset();
	}

	Report generate(long applications) {
		// Chunks smaller than the total, so that more than one transaction is exercised.
		return new ApplicationGenerator(this.dataSource)
			.generate(new Settings(applications, 700, 50, NOW, this.passwordHash));
	}

	/** Binds {@code :now}, where a statement has it, to the instant of generation. */
	JdbcClient.StatementSpec sql(String sql) {
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql);
		return sql.contains(":now") ? spec.param("now", NOW.atOffset(ZoneOffset.UTC)) : spec;
	}

	long count(String sql) {
		return sql(sql).query(Long.class).single();
	}

	double share(String sql) {
		return sql(sql).query(Double.class).single();
	}

	@Test
	void generatesTheCatalogueAndApplicationsThatHoldTogether() {
		Report report = generate(ROWS);

		assertThat(report.generated()).isEqualTo(ROWS);
		assertThat(report.applications()).isEqualTo(ROWS);
		assertThat(report.programmesCreated()).isEqualTo(ApplicationGenerator.PROGRAMMES);
		assertThat(count("select count(*) from programme where state = 'PUBLISHED'"))
			.isEqualTo(ApplicationGenerator.PROGRAMMES);
		assertThat(this.jdbc.sql("""
				select count(rp.programme_id) from application_round r
				left join round_programme rp on rp.round_id = r.id group by r.id order by r.id""")
			.query(Long.class)
			.list()).containsExactly(50L, 25L, 50L);
		assertThat(this.jdbc.sql("select name from application_round order by id").query(String.class).list())
			.containsExactly("Joint master's admission, decided (benchmark)",
					"Joint master's admission, in review (benchmark)", "Joint master's admission, open (benchmark)");
		// One applicant per application, each with a unique, plain address.
		assertThat(count("select count(*) from application")).isEqualTo(ROWS);
		assertThat(count("select count(*) from applicant")).isEqualTo(ROWS);
		assertThat(count("select count(distinct applicant_id) from application")).isEqualTo(ROWS);
		assertThat(count("select count(*) from applicant where email !~ '^[a-z0-9.-]+@[a-z.]+$'")).isZero();
		assertThat(count("select count(*) from application where reference !~ '^[A-HJ-NP-Z2-9]{8}$'")).isZero();
		assertThat(count("select count(distinct reference) from application")).isEqualTo(ROWS);

		// Drafts are the applicant's own: nothing copied for the queue, no choices.
		assertThat(share("select avg((status = 'DRAFT')::int) from application")).isCloseTo(0.05, within(0.03));
		assertThat(count("""
				select count(*) from application a where a.status = 'DRAFT' and (a.submitted_at is not null
				    or a.snapshot is not null or a.full_name is not null or a.email is not null
				    or a.fee_status is not null or a.first_choice_programme_id is not null or a.missing_documents
				    or a.status_changed_at is not null
				    or exists (select 1 from application_choice c where c.application_id = a.id))""")).isZero();

		// Submitted ones carry what submitting copies, within their round's open period.
		assertThat(count("""
				select count(*) from application a join applicant p on p.id = a.applicant_id
				join application_round r on r.id = a.round_id
				where a.status <> 'DRAFT' and (a.snapshot is null or a.snapshot <> a.answers
				    or a.full_name <> p.full_name or a.email <> p.email
				    or a.submitted_at < r.opens_at or a.submitted_at > least(r.deadline_at, :now)
				    or a.status_changed_at < a.submitted_at or a.status_changed_at > :now
				    or a.citizenship_country <> a.snapshot -> 'citizenship' ->> 'country')""")).isZero();

		// One to four choices, ranked 1..n, all admitted to by the round, rank 1 the
		// queue's.
		assertThat(count("""
				select count(*) from application a where a.status <> 'DRAFT' and not exists (
				    select 1 from application_choice c where c.application_id = a.id
				    having count(*) between 1 and 4 and min(c.rank) = 1 and max(c.rank) = count(*)
				       and bool_and(exists (select 1 from round_programme rp
				                            where rp.round_id = a.round_id and rp.programme_id = c.programme_id))
				       and max(c.programme_id) filter (where c.rank = 1) = a.first_choice_programme_id)""")).isZero();
		assertThat(count("""
				select count(*) from application a
				where jsonb_array_length(a.snapshot -> 'choices' -> 'ranked')
				      <> (select count(*) from application_choice c where c.application_id = a.id)""")).isZero();
		assertThat(count("select count(distinct first_choice_programme_id) from application")).isGreaterThan(30);

		// The fee follows the coordinator's exempt citizenships; a submitted fee is never
		// due.
		assertThat(count("""
				select count(*) from application a join application_round r on r.id = a.round_id
				join institution i on i.id = r.institution_id
				where a.status <> 'DRAFT' and a.fee_status is distinct from
				    case when a.citizenship_country = any (i.fee_exempt_countries) then 'EXEMPT' else 'PAID' end"""))
			.isZero();
		assertThat(count("select count(distinct citizenship_country) from application")).isGreaterThan(35);
		assertThat(count("select count(distinct fee_status) from application where fee_status is not null"))
			.isEqualTo(2);

		// Statuses: mostly waiting or in review, with each status's facts in place.
		assertThat(share("""
				select avg((status in ('SUBMITTED', 'UNDER_REVIEW'))::int) from application""")).isGreaterThan(0.45);
		assertThat(this.jdbc.sql("select distinct status from application").query(String.class).list())
			.containsExactlyInAnyOrder("DRAFT", "SUBMITTED", "DOCUMENTS_MISSING", "ELIGIBILITY_CHECKED", "UNDER_REVIEW",
					"ADMITTED", "RESERVE", "NOT_ADMITTED", "WITHDRAWN");
		assertThat(count("""
				select count(*) from application a where
				   (a.status in ('ADMITTED', 'RESERVE') and not exists (select 1 from application_choice c
				        where c.application_id = a.id and c.programme_id = a.decision_programme_id))
				or (a.status in ('ADMITTED', 'RESERVE', 'NOT_ADMITTED') and a.decided_at is null)
				or (a.status not in ('ADMITTED', 'RESERVE', 'NOT_ADMITTED')
				    and (a.decided_at is not null or a.decision_programme_id is not null))
				or (a.status = 'NOT_ADMITTED' and a.decision_reason is null)
				or ((a.status = 'WITHDRAWN') <> (a.withdrawn_at is not null))
				or (a.status = 'DOCUMENTS_MISSING' and (not a.missing_documents or a.documents_requested_by is null))
				""")).isZero();
		// Decisions are told from the round's notification date, and only then.
		assertThat(count("""
				select count(*) from application a join application_round r on r.id = a.round_id
				where a.decided_at is not null
				  and (a.decision_notified_at is not null) <> (r.notification_at < :now)""")).isZero();
		assertThat(share("select avg(missing_documents::int) from application where status <> 'DRAFT'")).isCloseTo(0.10,
				within(0.04));

		// The deadline rush: a closed round's last three days hold far more than their
		// share.
		assertThat(share("""
				select avg((a.submitted_at > r.deadline_at - interval '3 days')::int)
				from application a join application_round r on r.id = a.round_id
				where a.submitted_at is not null and r.deadline_at < :now""")).isGreaterThan(0.3);

		// Documents as an upload stores them: the database's hash, the real size and
		// type.
		assertThat(count("select count(*) from application_document")).isPositive();
		assertThat(count("""
				select count(*) from application_document d join application a on a.id = d.application_id
				where a.status = 'DRAFT' or d.sha256 <> encode(sha256(d.content), 'hex')
				   or (d.content_type = 'application/pdf' and substring(d.content from 1 for 5) <> '%PDF-'::bytea)
				   or (d.content_type = 'image/png' and substring(d.content from 1 for 4) <> '\\x89504e47'::bytea)
				   or d.stored_name not like a.reference || '-%'""")).isZero();

		assertReadsHoldTogether(report);
		// A referee for each submitted application, given for about two in three; every
		// round asks for one reference and its first programme for two.
		assertThat(count("""
				select count(*) from application a where (a.status = 'DRAFT')
				    <> not exists (select 1 from reference_request q where q.application_id = a.id)""")).isZero();
		assertThat(share("select avg((state = 'GIVEN')::int) from reference_request")).isCloseTo(0.67, within(0.05));
		assertThat(count("select count(*) from application_round where references_required <> 1"
				+ " or programme_references = '{}'"))
			.isZero();
	}

	/**
	 * Issue 30's reads: a plan of two reads with a rubric of two criteria for each
	 * programme of each round, readers of the round's institution, two reads of every
	 * submitted application and none of a draft (a third, extra one where two disagree),
	 * and on each application the outcome its reads give.
	 */
	void assertReadsHoldTogether(Report report) {
		assertThat(count("select count(*) from review_plan")).isEqualTo(125);
		assertThat(count("select count(*) from review_criterion")).isEqualTo(250);
		assertThat(count("select count(distinct m.staff_user_id) from staff_membership m where m.role = 'READER'"))
			.isEqualTo(ApplicationGenerator.READERS);
		assertThat(report.reads()).isEqualTo(count("select count(*) from application_read"));
		assertThat(count("""
				select count(*) from application a where (a.status = 'DRAFT') <> not exists (
				    select 1 from application_read r where r.application_id = a.id
				    having count(*) filter (where not r.extra) = 2
				       and count(*) filter (where r.extra) = case when a.reads_disagree then 1 else 0 end)"""))
			.isZero();
		assertThat(count("""
				select count(*) from application_read r join application a on a.id = r.application_id
				join review_plan p on p.id = r.plan_id
				join application_round ar on ar.id = a.round_id
				where p.round_id <> a.round_id or p.programme_id <> a.first_choice_programme_id
				   or not exists (select 1 from staff_membership m where m.staff_user_id = r.reader_id
				                  and m.institution_id = ar.institution_id and m.role = 'READER')
				   or r.assigned_at < a.submitted_at
				   or (r.state = 'SUBMITTED') <> (r.total is not null and r.submitted_at >= r.assigned_at)
				   or r.total not between 0 and 10
				   or (r.state = 'SUBMITTED' and (select array_agg(k order by k) from jsonb_object_keys(r.scores) k)
				       <> (select array_agg(c.id::text order by c.id::text) from review_criterion c
				           where c.plan_id = p.id))""")).isZero();
		assertThat(count("""
				select count(*) from application a
				join (select r.application_id, round(avg(r.total), 2) as score,
				             count(*) filter (where r.state = 'ASSIGNED') as outstanding,
				             coalesce(max(r.total) filter (where not r.extra) - min(r.total) filter (where not r.extra),
				                      0) > 2.0 as disagree
				      from application_read r group by r.application_id) o on o.application_id = a.id
				where a.review_score is distinct from o.score or a.reads_outstanding <> o.outstanding
				   or a.reads_disagree <> o.disagree""")).isZero();
		assertThat(count("select count(*) from application where status = 'DRAFT' and (review_score is not null"
				+ " or reads_outstanding is not null or reads_disagree)"))
			.isZero();
		assertThat(share("select avg((state = 'SUBMITTED')::int) from application_read where not extra")).isBetween(0.6,
				0.85);
		assertThat(count("select count(*) from application where reads_disagree")).isPositive();
	}

	@Test
	void addsNothingTheSecondTimeAndGoesOnWhereItStopped() {
		generate(ROWS);
		List<String> before = this.jdbc.sql("select reference from application order by reference")
			.query(String.class)
			.list();

		Report again = generate(ROWS);
		Report more = generate(ROWS + 300);

		assertThat(again.generated()).isZero();
		assertThat(again.programmesCreated()).isZero();
		assertThat(more.generated()).isEqualTo(300);
		assertThat(more.applications()).isEqualTo(ROWS + 300);
		assertThat(count("select count(distinct reference) from application")).isEqualTo(ROWS + 300);
		assertThat(this.jdbc.sql("select reference from application order by reference").query(String.class).list())
			.containsAll(before);
		assertThat(count("select count(*) from application_round")).isEqualTo(3);
		assertThat(count("select count(*) from review_plan")).as("a plan per programme and round, once").isEqualTo(125);

		// Applications generated before there were reads get theirs on the next run.
		this.jdbc.sql("""
				update application set review_score = null, reads_outstanding = null, reads_disagree = false
				where id in (select id from application where submitted_at is not null order by id limit 100)""")
			.update();
		this.jdbc
			.sql("delete from application_read where application_id in (select id from application"
					+ " where submitted_at is not null order by id limit 100)")
			.update();
		Report backfilled = new ApplicationGenerator(this.dataSource)
			.generate(new Settings(ROWS + 300, 40, 50, NOW, this.passwordHash));
		assertThat(backfilled.generated()).isZero();
		assertThat(backfilled.backfilled()).isEqualTo(100);
		assertReadsHoldTogether(backfilled);
	}

	@Test
	void aGeneratedApplicationShowsOnTheDetailPage() {
		generate(ROWS);
		Map<String, Object> row = this.jdbc.sql("""
				select a.id::text as id, a.reference, a.full_name, p.title, min(d.stored_name) as document
				from application a join application_document d on d.application_id = a.id
				join programme p on p.id = a.first_choice_programme_id
				group by a.id, a.reference, a.full_name, p.title order by a.reference limit 1""").query().singleRow();
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		MockHttpSession officer = this.staff.signIn("officer@uni.example");

		MvcTestResult result = this.mvc.get()
			.uri("/admin/applications/{id}", row.get("id"))
			.session(officer)
			.exchange();

		assertThat(result).hasStatusOk();
		Document page = page(result);
		assertThat(page.text()).contains((String) row.get("reference"), (String) row.get("full_name"),
				(String) row.get("title"), (String) row.get("document"), "My degree in");
	}

}
