package org.prospectus.demo.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large catalogue for the scale benchmark (issue 15, docs/benchmarks.md): by default
 * 200 institutions, each with 50 programmes and 100 courses, so 10,000 programmes and
 * 20,000 courses, two rounds per institution (one open, one to come) admitting to all its
 * programmes, and a study plan of six courses per programme. Titles, topics, levels,
 * modes, languages, paces, durations and fees vary so that every search filter has
 * something to find and something to leave out.
 * <p>
 * A handful of set-based statements in one transaction, {@code generate_series} doing the
 * counting. Generated rows have slugs and codes starting with {@code gen-} and {@code G}.
 * If the database already holds the generated institutions, nothing is done.
 */
public class CatalogueGenerator {

	private static final Log logger = LogFactory.getLog(CatalogueGenerator.class);

	/** The words programme and course titles are made of, and their topics. */
	static final String[] SUBJECTS = { "Machine Learning", "Data Science", "Robotics", "Computer Science",
			"Software Engineering", "Cyber Security", "Artificial Intelligence", "Bioinformatics", "Economics",
			"Finance", "Public Health", "Nursing", "Architecture", "Civil Engineering", "Mechanical Engineering",
			"Electrical Engineering", "Physics", "Mathematics", "Statistics", "Chemistry", "Biology",
			"Environmental Science", "Sustainable Energy", "Urban Planning", "Law", "International Relations",
			"Psychology", "Linguistics", "History", "Philosophy", "Music", "Design", "Media Studies", "Education",
			"Business Administration", "Marketing", "Logistics", "Aerospace Engineering", "Materials Science",
			"Neuroscience" };

	static final String[] QUALIFIERS = { "", "Applied ", "Advanced ", "Computational ", "Global ", "Sustainable ",
			"Digital ", "Industrial ", "Clinical ", "Quantitative " };

	static final String[] ZONES = { "Europe/Stockholm", "Europe/London", "Europe/Berlin", "Europe/Madrid",
			"America/New_York", "America/Toronto", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney",
			"Africa/Nairobi" };

	static final String[] COUNTRIES = { "SE", "GB", "DE", "ES", "US", "CA", "JP", "SG", "AU", "KE" };

	static final String[] CURRENCIES = { "SEK", "GBP", "EUR", "EUR", "USD", "CAD", "JPY", "SGD", "AUD", "KES" };

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public CatalogueGenerator(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * @param institutions how many institutions
	 * @param programmesEach programmes per institution
	 * @param coursesEach courses per institution
	 * @param now the instant the rounds are dated from
	 * @return what was generated, or {@code null} when it was there already
	 */
	public Report generate(int institutions, int programmesEach, int coursesEach, Instant now) {
		long existing = this.jdbc.sql("select count(*) from institution where slug like 'gen-%'")
			.query(Long.class)
			.single();
		if (existing > 0) {
			logger.info("Generated catalogue already there: " + existing + " institutions");
			return null;
		}
		long start = System.nanoTime();
		this.transactions.executeWithoutResult((status) -> {
			insertInstitutions(institutions);
			insertProgrammes(programmesEach);
			insertCourses(coursesEach);
			insertPlans();
			insertRounds(now);
			this.jdbc.sql("analyze").update();
		});
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		return new Report(institutions, (long) institutions * programmesEach, (long) institutions * coursesEach, took);
	}

	private void insertInstitutions(int count) {
		this.jdbc
			.sql("""
					insert into institution (slug, name, short_name, country_code, city, time_zone, currency, website,
					  admissions_email)
					select 'gen-' || lpad(n::text, 3, '0'),
					       'Generated University ' || n,
					       'GU' || n,
					       ({countries})[1 + n % 10],
					       'City ' || n,
					       ({zones})[1 + n % 10],
					       ({currencies})[1 + n % 10],
					       'https://gen-' || n || '.example.org',
					       'admissions@gen-' || n || '.example.org'
					from generate_series(1, :count) as n""".replace("{countries}", array(COUNTRIES))
				.replace("{zones}", array(ZONES))
				.replace("{currencies}", array(CURRENCIES)))
			.param("count", count)
			.update();
	}

	/**
	 * Programme {@code k} of an institution takes subject {@code k mod 40} and a
	 * qualifier by its number, so each subject appears at most institutions in several
	 * forms; 1 in 25 is a draft and 1 in 50 is retired, which search must leave out.
	 */
	private void insertProgrammes(int each) {
		this.jdbc.sql("""
				insert into programme (institution_id, code, slug, title, award, level, credits, credit_system,
				  duration_months, pace_percent, study_mode, language, summary, section_about, topics, career_titles,
				  tuition_amount, tuition_currency, tuition_period, state, start_term)
				select i.id,
				       'P' || lpad(k::text, 4, '0'),
				       i.slug || '-p' || lpad(k::text, 4, '0'),
				       ({qualifiers})[1 + (k / 40 + i.id::int) % 10] || ({subjects})[1 + k % 40],
				       case when k % 5 = 0 then 'Bachelor of Science' when k % 11 = 0 then 'Doctor of Philosophy'
				            else 'Master of Science' end,
				       case when k % 5 = 0 then 'BACHELOR' when k % 11 = 0 then 'DOCTORAL' else 'MASTER' end,
				       case when k % 5 = 0 then 180 else 120 end,
				       'ECTS',
				       case when k % 5 = 0 then 36 when k % 7 = 0 then 12 else 24 end,
				       case when k % 6 = 0 then 50 else 100 end,
				       case k % 9 when 0 then 'ONLINE' when 1 then 'HYBRID' else 'CAMPUS' end,
				       case when k % 8 = 0 then 'sv' when k % 13 = 0 then 'de' else 'en' end,
				       'A generated programme in ' || lower(({subjects})[1 + k % 40]) || ' at ' || i.name
				         || ', for the catalogue scale benchmark.',
				       'Students of ' || ({subjects})[1 + k % 40] || ' at ' || i.name || ' learn by doing: '
				         || repeat('projects, seminars and lectures with research groups. ', 8),
				       array[({subjects})[1 + k % 40], ({subjects})[1 + (k + 7) % 40]],
				       array[({subjects})[1 + k % 40] || ' specialist', 'Researcher'],
				       case when k % 4 = 0 then null else 5000 + (k % 20) * 1000 end,
				       case when k % 4 = 0 then null else i.currency end,
				       case when k % 4 = 0 then null else 'PER_YEAR' end,
				       case when k % 25 = 0 then 'DRAFT' when k % 50 = 1 then 'RETIRED' else 'PUBLISHED' end,
				       'Autumn'
				from institution i, generate_series(1, :each) as k
				where i.slug like 'gen-%'""".replace("{qualifiers}", array(QUALIFIERS))
			.replace("{subjects}", array(SUBJECTS))).param("each", each).update();
	}

	private void insertCourses(int each) {
		this.jdbc
			.sql("""
					insert into course (institution_id, code, title, credits, credit_system, summary, main_field,
					  education_cycle, grading_scale, state)
					select i.id,
					       'G' || lpad(i.id::text, 3, '0') || lpad(k::text, 3, '0'),
					       ({qualifiers})[1 + k % 10] || ({subjects})[1 + k % 40] || ' ' || (1 + k / 40),
					       7.5,
					       'ECTS',
					       'A generated course in ' || lower(({subjects})[1 + k % 40]) || '.',
					       ({subjects})[1 + k % 40],
					       case when k % 3 = 0 then 'FIRST' else 'SECOND' end,
					       'A_F',
					       case when k % 30 = 0 then 'DRAFT' else 'PUBLISHED' end
					from institution i, generate_series(1, :each) as k
					where i.slug like 'gen-%'""".replace("{qualifiers}", array(QUALIFIERS))
				.replace("{subjects}", array(SUBJECTS)))
			.param("each", each)
			.update();
	}

	/**
	 * Six published courses of its institution in each programme's plan, over two years.
	 */
	private void insertPlans() {
		this.jdbc.sql("""
				insert into programme_plan_entry (programme_id, course_id, study_year, term, category, position)
				select p.id, c.id, 1 + (c.rn - 1) / 3, case when c.rn % 2 = 0 then 'SPRING' else 'AUTUMN' end,
				       case when c.rn <= 4 then 'COMPULSORY' else 'ELECTIVE' end, c.rn
				from programme p
				join lateral (
				  select c.id, row_number() over (order by c.id) as rn
				  from course c
				  where c.institution_id = p.institution_id and c.state = 'PUBLISHED'
				    and c.id % 17 between (p.id % 17) and (p.id % 17) + 2
				  limit 6) c on true
				where p.slug like 'gen-%'""").update();
	}

	/**
	 * Per institution an open round (opened 30 days ago, closes in 30) and one to come
	 * (opens in 120 days), each admitting to all its programmes.
	 */
	private void insertRounds(Instant now) {
		this.jdbc.sql("""
				insert into application_round (institution_id, slug, name, opens_at, deadline_at,
				  documents_deadline_at, notification_at, studies_start_at)
				select i.id, i.slug || '-' || r.kind, 'Generated ' || r.kind || ' round', r.opens, d.deadline,
				       d.deadline + interval '7 days', d.deadline + interval '40 days', d.deadline + interval '150 days'
				from institution i,
				     (values ('open', cast(:now as timestamptz) - interval '30 days', cast(:now as timestamptz)
				              + interval '30 days'),
				             ('next', cast(:now as timestamptz) + interval '120 days', cast(:now as timestamptz)
				              + interval '180 days')) as r(kind, opens, deadline),
				     lateral (select r.deadline + interval '1 hour' * (i.id % 48) as deadline) as d
				where i.slug like 'gen-%'""").param("now", Timestamp.from(now)).update();
		this.jdbc.sql("""
				insert into round_programme (round_id, programme_id)
				select r.id, p.id from application_round r join programme p on p.institution_id = r.institution_id
				where r.slug like 'gen-%'""").update();
	}

	/** A constant list as an SQL array literal. */
	private static String array(String[] values) {
		StringBuilder array = new StringBuilder("array[");
		for (int i = 0; i < values.length; i++) {
			array.append((i > 0) ? ", '" : "'").append(values[i].replace("'", "''")).append('\'');
		}
		return array.append(']').toString();
	}

	/**
	 * @param institutions institutions generated
	 * @param programmes programmes generated, in every state
	 * @param courses courses generated, in every state
	 * @param took how long the transaction took
	 */
	public record Report(int institutions, long programmes, long courses, Duration took) {
	}

}
