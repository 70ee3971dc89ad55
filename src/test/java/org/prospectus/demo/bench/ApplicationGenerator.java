package org.prospectus.demo.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills a database with applications for the admissions queue's benchmark: enough
 * programmes (50, the demo's counting) in three joint rounds of their own, and then, in
 * chunks of set-based SQL ({@code insert … select … from generate_series}), one applicant
 * and one application per row with its ranked choices, until the rounds hold the number
 * asked for. Each chunk is one transaction, so an interrupted run goes on where it
 * stopped; a second run with the same number does nothing.
 * <p>
 * The distributions follow what admissions offices see: three rounds (one decided and
 * told, one in review, one open), submissions spread over each round's open period with a
 * rush in the last three days before its deadline, most applications submitted or under
 * review, about one in twenty an abandoned or unfinished draft (which the queue never
 * shows), one to four ranked choices with some programmes far more popular than others,
 * about sixty citizenships with a long tail that decide the fee status, a required
 * document missing on about one in ten, and a few real PDF and PNG documents on one
 * application in {@link Settings#documentsEvery()}.
 * <p>
 * Selective review (issue 30): a review plan for each programme of each round (two blind
 * reads, a rubric of two criteria), {@value #READERS} readers at the rounds' coordinating
 * institutions, and two reads of every submitted application, drawn in the same chunk
 * ({@link #READ_STAGE_SQL}), with the outcome they give written on the application: about
 * two million reads at a million applications. Applications generated before there were
 * reads get theirs on the next run.
 * <p>
 * A plain class rather than a bean: the benchmark profile's runner and the test that
 * keeps it honest both call it. Never part of the normal run.
 */
public class ApplicationGenerator {

	/** How many programmes the rounds admit to, the demo's included. */
	public static final int PROGRAMMES = 50;

	/** The slugs of the generated rounds; their applications are the generated ones. */
	public static final List<String> ROUND_SLUGS = List.of("bench-round-decided", "bench-round-in-review",
			"bench-round-open");

	/** Readers, spread over the generated rounds' coordinating institutions. */
	public static final int READERS = 40;

	/** The difference of two reads' totals, out of 10, past which they disagree. */
	static final double DISAGREEMENT = 2.0;

	/** The characters of a reference, as {@code ApplicationService} uses them. */
	static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	/**
	 * Letters of the generated names that an e-mail address writes without their accent,
	 * in both cases: {@code lower} leaves them alone in a database with the C locale.
	 */
	static final String ACCENTED = "áàâäãåçéèêëíìîïñóòôöõøúùûüýÿšşžćčłńőśğıæÁÀÂÄÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØÚÙÛÜÝŠŞŽĆČŁŃŐŚĞİÆ";

	static final String ACCENTED_ASCII = "aaaaaaceeeeiiiinoooooouuuuyysszcclnosgiaaaaaaaceeeeiiiinoooooouuuuysszcclnosgia";

	private static final Log logger = LogFactory.getLog(ApplicationGenerator.class);

	/**
	 * Citizenships that pay no fee at the generated rounds' coordinators (EU, EEA, CH).
	 */
	static final List<String> FEE_EXEMPT = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
			"GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI",
			"NO", "CH");

	/**
	 * Sixty citizenships, weighted like the applications of a European technical
	 * university: a few countries give most applicants, many give a handful.
	 */
	static final List<Country> COUNTRIES = List.of(new Country("CN", 120, "Beijing", "86"),
			new Country("IN", 110, "New Delhi", "91"), new Country("SE", 70, "Stockholm", "46"),
			new Country("DE", 60, "Berlin", "49"), new Country("NL", 45, "Amsterdam", "31"),
			new Country("GB", 40, "London", "44"), new Country("US", 35, "Washington", "1"),
			new Country("IT", 30, "Rome", "39"), new Country("FR", 30, "Paris", "33"),
			new Country("ES", 25, "Madrid", "34"), new Country("PK", 25, "Islamabad", "92"),
			new Country("IR", 22, "Tehran", "98"), new Country("TR", 22, "Ankara", "90"),
			new Country("NG", 20, "Abuja", "234"), new Country("BD", 18, "Dhaka", "880"),
			new Country("FI", 18, "Helsinki", "358"), new Country("NO", 16, "Oslo", "47"),
			new Country("DK", 15, "Copenhagen", "45"), new Country("GR", 14, "Athens", "30"),
			new Country("PL", 14, "Warsaw", "48"), new Country("VN", 13, "Hanoi", "84"),
			new Country("ID", 12, "Jakarta", "62"), new Country("BR", 12, "Brasília", "55"),
			new Country("MX", 10, "Mexico City", "52"), new Country("CA", 10, "Ottawa", "1"),
			new Country("EG", 10, "Cairo", "20"), new Country("GH", 9, "Accra", "233"),
			new Country("KE", 9, "Nairobi", "254"), new Country("ET", 8, "Addis Ababa", "251"),
			new Country("PT", 8, "Lisbon", "351"), new Country("RO", 8, "Bucharest", "40"),
			new Country("UA", 8, "Kyiv", "380"), new Country("KR", 8, "Seoul", "82"),
			new Country("JP", 7, "Tokyo", "81"), new Country("TW", 6, "Taipei", "886"),
			new Country("TH", 6, "Bangkok", "66"), new Country("MY", 6, "Kuala Lumpur", "60"),
			new Country("PH", 6, "Manila", "63"), new Country("NP", 6, "Kathmandu", "977"),
			new Country("LK", 5, "Colombo", "94"), new Country("CO", 5, "Bogotá", "57"),
			new Country("CL", 4, "Santiago", "56"), new Country("AR", 4, "Buenos Aires", "54"),
			new Country("PE", 4, "Lima", "51"), new Country("ZA", 4, "Pretoria", "27"),
			new Country("MA", 4, "Rabat", "212"), new Country("TN", 3, "Tunis", "216"),
			new Country("JO", 3, "Amman", "962"), new Country("LB", 3, "Beirut", "961"),
			new Country("SA", 3, "Riyadh", "966"), new Country("AE", 3, "Abu Dhabi", "971"),
			new Country("IE", 3, "Dublin", "353"), new Country("AT", 3, "Vienna", "43"),
			new Country("BE", 3, "Brussels", "32"), new Country("CH", 3, "Bern", "41"),
			new Country("CZ", 3, "Prague", "420"), new Country("HU", 3, "Budapest", "36"),
			new Country("EE", 2, "Tallinn", "372"), new Country("LT", 2, "Vilnius", "370"),
			new Country("IS", 1, "Reykjavík", "354"));

	static final List<String> GIVEN_NAMES = List.of("Anna", "Erik", "Maja", "Lars", "Sofia", "Johan", "Elin", "Oskar",
			"Wei", "Li", "Xiaoming", "Yan", "Jing", "Hao", "Mei", "Chen", "Priya", "Arjun", "Ananya", "Rahul", "Divya",
			"Vikram", "Sneha", "Rohan", "Lukas", "Hannah", "Jonas", "Lea", "Felix", "Mia", "Paul", "Emma", "Sanne",
			"Daan", "Femke", "Bram", "Oliver", "Amelia", "George", "Isla", "James", "Charlotte", "Michael", "Emily",
			"Daniel", "Olivia", "Giulia", "Marco", "Chiara", "Luca", "Camille", "Hugo", "Léa", "Louis", "Lucía",
			"Javier", "Carmen", "Pablo", "Ayesha", "Bilal", "Fatima", "Hamza", "Zahra", "Reza", "Maryam", "Ali", "Elif",
			"Emre", "Zeynep", "Mehmet", "Chidi", "Ngozi", "Emeka", "Amara", "Tanvir", "Nusrat", "Aino", "Mikko",
			"Ingrid", "Magnus", "Freja", "Mads", "Eleni", "Nikos", "Agnieszka", "Piotr", "Linh", "Minh", "Siti", "Budi",
			"Mariana", "João", "Valentina", "Diego", "Nadia", "Omar", "Kwame", "Abena", "Wanjiru", "Kipchoge", "Selam",
			"Dawit", "Inês", "Tiago", "Ioana", "Andrei", "Olena", "Taras", "Ji-woo", "Min-jun", "Yuki", "Haruto", "Zoë",
			"Søren", "Björn", "Åsa");

	static final List<String> FAMILY_NAMES = List.of("Lindqvist", "Andersson", "Johansson", "Karlsson", "Nilsson",
			"Eriksson", "Larsson", "Berg", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Sharma",
			"Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Müller", "Schmidt", "Schneider", "Fischer",
			"Weber", "Meyer", "Wagner", "Becker", "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Smith",
			"Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Rossi", "Russo", "Ferrari",
			"Esposito", "Bianchi", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "García", "Fernández", "González",
			"Rodríguez", "López", "Khan", "Ahmed", "Hussain", "Malik", "Hosseini", "Mohammadi", "Rahimi", "Yılmaz",
			"Kaya", "Demir", "Şahin", "Okafor", "Adeyemi", "Okonkwo", "Balogun", "Rahman", "Hossain", "Islam",
			"Virtanen", "Korhonen", "Nieminen", "Hansen", "Olsen", "Jensen", "Nielsen", "Papadopoulos", "Georgiou",
			"Nowak", "Kowalski", "Wiśniewski", "Nguyen", "Tran", "Pham", "Santoso", "Wijaya", "Silva", "Santos",
			"Oliveira", "Hernández", "Martínez", "Mensah", "Owusu", "Kamau", "Otieno", "Tesfaye", "Bekele", "Ferreira",
			"Popescu", "Ionescu", "Shevchenko", "Kovalenko", "Kim", "Lee", "Park", "Tanaka", "Suzuki", "Sato",
			"Østergaard", "Ström", "Åberg");

	/** Fifty subjects, for generated programmes and the applicants' first degrees. */
	static final List<String> SUBJECTS = List.of("Data Science", "Sustainable Energy Engineering", "Computer Science",
			"Software Engineering", "Biomedical Engineering", "Economics", "Finance", "Industrial Design",
			"Architecture", "Civil Engineering", "Environmental Science", "Molecular Biology", "Chemistry", "Physics",
			"Applied Mathematics", "Statistics", "Robotics", "Embedded Systems", "Cybersecurity", "Information Systems",
			"Public Health", "Cognitive Science", "Psychology", "Linguistics", "History", "Philosophy",
			"International Relations", "Political Science", "Law and Technology", "Urban Planning", "Transport Systems",
			"Materials Science", "Mechanical Engineering", "Aerospace Engineering", "Electric Power Engineering",
			"Communication Systems", "Human-Computer Interaction", "Media Technology", "Game Design", "Marine Biology",
			"Climate Science", "Geoinformatics", "Supply Chain Management", "Innovation Management", "Entrepreneurship",
			"Business Analytics", "Accounting", "Marketing", "Educational Technology", "Music Technology");

	static final List<String> STREETS = List.of("Main Street", "Station Road", "University Avenue", "Park Lane",
			"Church Street", "Garden Road", "Lake View", "River Street", "Market Square", "Hill Road", "Harbour Street",
			"Oak Avenue");

	/**
	 * Invented institutions that bring the catalogue to {@link #PROGRAMMES} programmes.
	 */
	static final List<GeneratedInstitution> INSTITUTIONS = List.of(
			new GeneratedInstitution("bench-nordvik", "Nordvik University of Technology", "SE", "Nordvik",
					"Europe/Stockholm", "SEK"),
			new GeneratedInstitution("bench-rhinebrook", "Rhinebrook University", "DE", "Rhinebrook", "Europe/Berlin",
					"EUR"),
			new GeneratedInstitution("bench-alderport", "Alderport Institute of Science", "NL", "Alderport",
					"Europe/Amsterdam", "EUR"),
			new GeneratedInstitution("bench-kestrel-bay", "Kestrel Bay University", "GB", "Kestrel Bay",
					"Europe/London", "GBP"),
			new GeneratedInstitution("bench-lindholm", "Lindholm School of Economics", "FI", "Lindholm",
					"Europe/Helsinki", "EUR"));

	/**
	 * The three rounds, relative to the day of generation: one whose decisions were made
	 * and told, one closed and in review, one open. Share: of all applications; drafts:
	 * of the round's; statuses: of the round's submitted ones, cumulative order as
	 * written.
	 */
	static final List<RoundPlan> ROUNDS = List.of(
			new RoundPlan(ROUND_SLUGS.get(0), "decided", -560, -470, -460, -420, -380, 0.25, 0.03, PROGRAMMES,
					List.of(new Share("ADMITTED", 0.20), new Share("RESERVE", 0.10), new Share("NOT_ADMITTED", 0.58),
							new Share("WITHDRAWN", 0.12))),
			new RoundPlan(ROUND_SLUGS.get(1), "in review", -200, -110, -100, 20, 60, 0.45, 0.03, PROGRAMMES / 2,
					List.of(new Share("SUBMITTED", 0.30), new Share("DOCUMENTS_MISSING", 0.09),
							new Share("ELIGIBILITY_CHECKED", 0.12), new Share("UNDER_REVIEW", 0.35),
							new Share("ADMITTED", 0.04), new Share("RESERVE", 0.02), new Share("NOT_ADMITTED", 0.05),
							new Share("WITHDRAWN", 0.03))),
			new RoundPlan(ROUND_SLUGS.get(2), "open", -60, 25, 35, 90, 150, 0.30, 0.10, PROGRAMMES,
					List.of(new Share("SUBMITTED", 0.80), new Share("DOCUMENTS_MISSING", 0.06),
							new Share("ELIGIBILITY_CHECKED", 0.06), new Share("UNDER_REVIEW", 0.04),
							new Share("NOT_ADMITTED", 0.01), new Share("WITHDRAWN", 0.03))));

	static final List<String> REFUSALS = List.of("Your previous degree does not meet the entry requirements.",
			"Your grades are below those of the applicants we could admit.",
			"The required credits in mathematics are missing from your degree.",
			"Your language test result is below the programme's requirement.");

	private final DataSource dataSource;

	public ApplicationGenerator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Makes the database hold {@link Settings#applications()} generated applications,
	 * generating only what is missing.
	 */
	public Report generate(Settings settings) {
		long started = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			int networkTimeout = connection.getNetworkTimeout();
			// A chunk's statements run longer than the portal's socket timeout allows a
			// page.
			connection.setNetworkTimeout(Runnable::run, 0);
			connection.setAutoCommit(false);
			try {
				return generate(connection, settings, started);
			}
			finally {
				cleanUp(connection);
				connection.setAutoCommit(autoCommit);
				connection.setNetworkTimeout(Runnable::run, networkTimeout);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not generate the benchmark data", ex);
		}
	}

	private Report generate(Connection connection, Settings settings, long started) throws SQLException {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		jdbc.sql("set work_mem = '64MB'").update();
		jdbc.sql("set maintenance_work_mem = '256MB'").update();
		Instant today = settings.now().truncatedTo(ChronoUnit.DAYS);
		int createdProgrammes = catalogue(jdbc, today);
		List<Long> roundIds = roundIds(jdbc);
		reviewSetUp(jdbc, roundIds);
		connection.commit();
		long existing = jdbc.sql("select count(*) from application where round_id in (:rounds)")
			.param("rounds", roundIds)
			.query(Long.class)
			.single();
		long catalogueNanos = System.nanoTime() - started;
		createLookups(jdbc, settings.now());
		connection.commit();
		long loadStarted = System.nanoTime();
		long generated = 0;
		if (existing >= settings.applications()) {
			logger.info(String.format(Locale.ROOT,
					"Benchmark data: %,d generated applications already there (%,d asked for)", existing,
					settings.applications()));
		}
		else {
			String applicantSequence = jdbc.sql("select pg_get_serial_sequence('applicant', 'id')")
				.query(String.class)
				.single();
			for (long first = existing + 1; first <= settings.applications(); first += settings.chunkSize()) {
				long last = Math.min(first + settings.chunkSize() - 1, settings.applications());
				String timings = chunk(jdbc, applicantSequence, first, last, settings.documentsEvery(),
						settings.applicantPasswordHash());
				connection.commit();
				generated += last - first + 1;
				double seconds = (System.nanoTime() - loadStarted) / 1e9;
				logger.info(String.format(Locale.ROOT,
						"Benchmark data: %,d of %,d applications (%.0f%%), %.0f s, %,.0f applications/s (%s)", last,
						settings.applications(), 100.0 * last / settings.applications(), seconds, generated / seconds,
						timings));
			}
		}
		// Applications generated before there were reads get theirs now.
		long backfilled = backfillReads(jdbc, connection, settings.chunkSize());
		long referenced = backfillReferences(jdbc);
		connection.commit();
		if (referenced > 0) {
			logger.info(String.format(Locale.ROOT, "Benchmark data: a referee for each of %,d applications, %.0f s",
					referenced, (System.nanoTime() - loadStarted) / 1e9));
		}
		long loadNanos = System.nanoTime() - loadStarted;
		long analyzeStarted = System.nanoTime();
		connection.setAutoCommit(true);
		if (backfilled > 0) {
			// The updates left a dead row version of each application behind.
			jdbc.sql("vacuum analyze application").update();
		}
		if (generated > 0 || backfilled > 0 || referenced > 0) {
			jdbc.sql("analyze applicant, application, application_choice, application_document, application_read,"
					+ " reference_request")
				.update();
		}
		connection.setAutoCommit(false);
		long analyzeNanos = System.nanoTime() - analyzeStarted;
		long reads = jdbc
			.sql("select count(*) from application_read r join review_plan p on p.id = r.plan_id"
					+ " where p.round_id in (:rounds)")
			.param("rounds", roundIds)
			.query(Long.class)
			.single();
		return new Report(createdProgrammes, existing + generated, generated, reads, backfilled,
				Duration.ofNanos(catalogueNanos), Duration.ofNanos(loadNanos), Duration.ofNanos(analyzeNanos));
	}

	// The catalogue: institutions, programmes up to PROGRAMMES, and the three rounds.

	private int catalogue(JdbcClient jdbc, Instant today) {
		if (roundIds(jdbc).size() == ROUND_SLUGS.size()) {
			// Databases generated before the rounds were named by their role.
			ROUNDS.forEach((plan) -> jdbc.sql("""
					update application_round set name = :name, version = version + 1
					where slug = :slug and name <> :name""")
				.param("name", plan.name())
				.param("slug", plan.slug())
				.update());
			return 0;
		}
		for (GeneratedInstitution institution : INSTITUTIONS) {
			jdbc.sql("""
					insert into institution (slug, name, short_name, country_code, city, time_zone, currency,
					                         fee_exempt_countries, regulator_note)
					values (:slug, :name, :short, :country, :city, :zone, :currency, :exempt,
					        'Invented for the admissions benchmark.')
					on conflict (slug) do nothing""")
				.param("slug", institution.slug())
				.param("name", institution.name())
				.param("short", institution.city())
				.param("country", institution.country())
				.param("city", institution.city())
				.param("zone", institution.zone())
				.param("currency", institution.currency())
				.param("exempt", FEE_EXEMPT.toArray(String[]::new))
				.update();
		}
		List<Long> institutionIds = jdbc.sql("select id from institution where slug in (:slugs) order by slug")
			.param("slugs", INSTITUTIONS.stream().map(GeneratedInstitution::slug).toList())
			.query(Long.class)
			.list();
		int existing = jdbc.sql("select count(*) from programme where state = 'PUBLISHED'")
			.query(Integer.class)
			.single();
		int created = 0;
		for (int n = 0; existing + created < PROGRAMMES && n < SUBJECTS.size(); n++) {
			String subject = SUBJECTS.get(n);
			long institution = institutionIds.get(n % institutionIds.size());
			String slug = "bench-msc-" + subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
			created += jdbc.sql("""
					insert into programme (institution_id, code, slug, title, award, level, credits, credit_system,
					                       duration_months, pace_percent, study_mode, language, summary, topics,
					                       state)
					values (:institution, :code, :slug, :title, 'Master of Science', 'MASTER', 120, 'ECTS', 24, 100,
					        'CAMPUS', 'en', :summary, :topics, 'PUBLISHED')
					on conflict (slug) do nothing""")
				.param("institution", institution)
				.param("code", String.format(Locale.ROOT, "BM%03d", n + 1))
				.param("slug", slug)
				.param("title", "MSc " + subject)
				.param("summary",
						"A two-year master's programme in " + subject + ", invented for the admissions benchmark.")
				.param("topics", new String[] { subject.toLowerCase(Locale.ROOT) })
				.update();
		}
		// The most popular programmes come first in each round's list (see the choices).
		List<Long> programmes = jdbc.sql("select id from programme where state = 'PUBLISHED' order by id limit :n")
			.param("n", PROGRAMMES)
			.query(Long.class)
			.list();
		for (int r = 0; r < ROUNDS.size(); r++) {
			RoundPlan plan = ROUNDS.get(r);
			GeneratedInstitution coordinator = INSTITUTIONS.get(r % INSTITUTIONS.size());
			ZoneId zone = ZoneId.of(coordinator.zone());
			Instant start = day(today, plan.studiesStart(), zone);
			Long round = jdbc.sql("""
					insert into application_round (institution_id, slug, name, opens_at, deadline_at,
					                               documents_deadline_at, notification_at, studies_start_at,
					                               choice_limit)
					select i.id, :slug, :name, :opens, :deadline, :documents, :notification, :start, 4
					from institution i where i.slug = :institution
					on conflict (slug) do nothing
					returning id""")
				.param("slug", plan.slug())
				.param("name", plan.name())
				.param("opens", timestamp(day(today, plan.opens(), zone)))
				.param("deadline", timestamp(day(today, plan.deadline(), zone).minusSeconds(1)))
				.param("documents", timestamp(day(today, plan.documents(), zone).minusSeconds(1)))
				.param("notification", timestamp(day(today, plan.notification(), zone)))
				.param("start", timestamp(start))
				.param("institution", coordinator.slug())
				.query(Long.class)
				.optional()
				.orElse(null);
			if (round == null) {
				continue;
			}
			// The round in review admits every second programme: a spring intake is
			// smaller.
			int step = PROGRAMMES / plan.programmes();
			for (int p = 0; p < programmes.size(); p += step) {
				jdbc.sql("insert into round_programme (round_id, programme_id) values (:round, :programme)")
					.param("round", round)
					.param("programme", programmes.get(p))
					.update();
			}
		}
		return created;
	}

	private static List<Long> roundIds(JdbcClient jdbc) {
		return jdbc.sql("select id from application_round where slug in (:slugs) order by id")
			.param("slugs", ROUND_SLUGS)
			.query(Long.class)
			.list();
	}

	/** Midnight in the zone, {@code days} from the day of generation. */
	private static Instant day(Instant today, int days, ZoneId zone) {
		return today.atZone(zone).toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
	}

	/** Bound as {@code timestamptz}, whatever the session's time zone. */
	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	// Selective review (issue 30): plans, readers and their reads.

	/**
	 * A review plan for each programme of each generated round (two blind reads, a
	 * disagreement of {@value #DISAGREEMENT} points, a rubric of two criteria), and
	 * {@value #READERS} readers, each a member of one round's coordinating institution.
	 * Only what is missing.
	 */
	private static void reviewSetUp(JdbcClient jdbc, List<Long> roundIds) {
		jdbc.sql("""
				insert into review_plan (round_id, programme_id, reads, blind, disagreement)
				select rp.round_id, rp.programme_id, 2, true, :disagreement from round_programme rp
				where rp.round_id in (:rounds)
				on conflict (round_id, programme_id) do nothing""")
			.param("disagreement", DISAGREEMENT)
			.param("rounds", roundIds)
			.update();
		jdbc.sql("""
				update application_round r set references_required = 1,
				    programme_references = jsonb_build_object(
				        cast((select min(rp.programme_id) from round_programme rp where rp.round_id = r.id) as text), 2)
				where r.id in (:rounds) and r.programme_references = '{}'""").param("rounds", roundIds).update();
		jdbc.sql("""
				insert into review_criterion (plan_id, position, name, scale, weight)
				select p.id, c.position, c.name, c.scale, c.weight from review_plan p
				cross join (values (1, 'Academic record', 5, 2), (2, 'Motivation and fit', 5, 1))
				    as c (position, name, scale, weight)
				where p.round_id in (:rounds)
				on conflict (plan_id, position) do nothing""").param("rounds", roundIds).update();
		jdbc.sql("""
				insert into staff_user (email, display_name)
				select 'reader' || lpad(n::text, 2, '0') || '@bench.prospectus.example',
				       'Benchmark Reader ' || lpad(n::text, 2, '0')
				from generate_series(1, :readers) n
				on conflict ((lower(email))) do nothing""").param("readers", READERS).update();
		// Reader n reads at the institution of round n mod 3.
		jdbc.sql("""
				insert into staff_membership (staff_user_id, institution_id, role)
				select u.id, r.institution_id, 'READER'
				from staff_user u
				join application_round r on r.id = (cast(:rounds as bigint[]))
				    [1 + cast(substring(u.email from 7 for 2) as int) % cardinality(cast(:rounds as bigint[]))]
				where u.email like 'reader__@bench.prospectus.example'
				on conflict do nothing""").param("rounds", roundIds.toArray(Long[]::new)).update();
	}

	/**
	 * One referee for each submitted application of the generated rounds that has none:
	 * given for about two in three, still asked for the others. The rounds ask for one
	 * reference, and their first programme for two ({@link #reviewSetUp}), so that the
	 * queue's "references missing" filter finds both kinds.
	 * @return how many applications got a referee
	 */
	private static long backfillReferences(JdbcClient jdbc) {
		long referenced = jdbc.sql("""
				insert into reference_request (application_id, position, referee_name, referee_email, relationship,
				                               known_for, state, requested_at, answered_at, comments)
				select a.id, 1, 'Benchmark Referee', 'referee.' || lower(a.reference) || '@bench.prospectus.example',
				       'ACADEMIC', 'Two years', g.state, a.submitted_at,
				       case when g.state = 'GIVEN' then a.submitted_at + interval '5 days' end,
				       case when g.state = 'GIVEN' then 'A benchmark reference.' end
				from application a
				cross join lateral (select case when get_byte(uuid_send(a.id), 15) % 3 = 0 then 'REQUESTED'
				                                else 'GIVEN' end as state) g
				where a.round_id in (select round_id from bench_read_round) and a.submitted_at is not null
				  and not exists (select 1 from reference_request q where q.application_id = a.id)""").update();
		// What ReferenceRecords keeps: fewer given than the most any programme ranked
		// needs.
		jdbc.sql(
				"""
						update application a set references_missing = true
						from application_round r
						where r.id = a.round_id and a.round_id in (select round_id from bench_read_round)
						  and a.submitted_at is not null and not a.references_missing
						  and (select max(coalesce(cast(r.programme_references ->> cast(c.programme_id as text) as integer),
						                           r.references_required))
						       from application_choice c where c.application_id = a.id)
						      > (select count(*) from reference_request q where q.application_id = a.id and q.state = 'GIVEN')""")
			.update();
		return referenced;
	}

	/**
	 * Reads for the submitted applications of the generated rounds that have none, a
	 * chunk at a time in id order, and their outcome written on the applications.
	 * @return how many applications got reads
	 */
	private static long backfillReads(JdbcClient jdbc, Connection connection, int chunkSize) throws SQLException {
		long done = 0;
		long started = System.nanoTime();
		String after = "00000000-0000-0000-0000-000000000000";
		while (true) {
			jdbc.sql("drop table if exists bench_read_source, bench_read_stage").update();
			int rows = jdbc.sql("""
					create temp table bench_read_source as
					select a.id, a.round_id, a.submitted_at as at, a.first_choice_programme_id as programme_id
					from application a
					where a.round_id in (select round_id from bench_read_round) and a.submitted_at is not null
					  and a.id > cast(:after as uuid)
					  and not exists (select 1 from application_read x where x.application_id = a.id)
					order by a.id limit :chunk""").param("after", after).param("chunk", chunkSize).update();
			if (rows == 0) {
				jdbc.sql("drop table bench_read_source").update();
				connection.commit();
				return done;
			}
			after = jdbc.sql("select id::text from bench_read_source order by id desc limit 1")
				.query(String.class)
				.single();
			jdbc.sql(READ_STAGE_SQL).update();
			jdbc.sql(INSERT_READS_SQL).update();
			jdbc.sql("""
					update application a set review_score = s.review_score, reads_outstanding = s.reads_outstanding,
					    reads_disagree = s.reads_disagree
					from bench_read_stage s where s.application_id = a.id""").update();
			connection.commit();
			done += rows;
			logger.info(String.format(Locale.ROOT,
					"Benchmark data: reads for %,d applications generated without them, %.0f s", done,
					(System.nanoTime() - started) / 1e9));
		}
	}

	/**
	 * Two reads of each application of {@code bench_read_source (id, round_id, at,
	 * programme_id)}, drawn once per application into {@code bench_read_stage}: readers
	 * of its round's institution, assigned a few days after submission; each submitted or
	 * still to do by its round's share (all in the decided round, most in the one in
	 * review, a few in the open one), with criteria scores around one quality of the
	 * application, so that two readers mostly agree; the total is the weighted mean out
	 * of 10, as the rubric defines it. Two submitted reads further apart than the plan
	 * allows call for a third, extra read, assigned and still to come. The outcome is
	 * what the application records: the mean of the submitted totals, the reads to come,
	 * and the disagreement.
	 */
	static final String READ_STAGE_SQL = """
			create temp table bench_read_stage as
			with drawn as (
			    select s.id as application_id, s.at, p.plan_id, p.c1, p.c2, p.disagreement, rr.readers,
			           rr.submitted_share, cardinality(rr.readers) as n, random() as q, random() as r_reader1,
			           random() as r_reader2, random() as r_state1, random() as r_state2, random() as e11,
			           random() as e12, random() as e21, random() as e22, random() as r_assign, random() as r_done1,
			           random() as r_done2
			    from bench_read_source s
			    join bench_plan p on p.round_id = s.round_id and p.programme_id = s.programme_id
			    join bench_read_round rr on rr.round_id = s.round_id
			), scored as (
			    select d.*,
			           floor(d.r_reader1 * d.n)::int as k1,
			           d.r_state1 < d.submitted_share as sub1, d.r_state2 < d.submitted_share as sub2,
			           greatest(1, least(5, round(1 + 4 * d.q + (d.e11 - 0.5) * 2.4)))::int as s11,
			           greatest(1, least(5, round(1 + 4 * d.q + (d.e12 - 0.5) * 2.4)))::int as s12,
			           greatest(1, least(5, round(1 + 4 * d.q + (d.e21 - 0.5) * 2.4)))::int as s21,
			           greatest(1, least(5, round(1 + 4 * d.q + (d.e22 - 0.5) * 2.4)))::int as s22,
			           least(d.at + interval '1 day' * (1 + 6 * d.r_assign), bp.now - interval '1 hour') as assigned_at
			    from drawn d cross join bench_pick bp
			), totalled as (
			    select sc.*,
			           sc.readers[1 + sc.k1] as reader1,
			           sc.readers[1 + (sc.k1 + 1 + floor(sc.r_reader2 * (sc.n - 2))::int) % sc.n] as reader2,
			           sc.readers[1 + (sc.k1 + sc.n - 1) % sc.n] as reader3,
			           round((4 * sc.s11 + 2 * sc.s12) / 3.0, 2) as total1,
			           round((4 * sc.s21 + 2 * sc.s22) / 3.0, 2) as total2,
			           least(sc.assigned_at + interval '1 day' * (1 + 20 * sc.r_done1), bp.now) as done1_at,
			           least(sc.assigned_at + interval '1 day' * (1 + 20 * sc.r_done2), bp.now) as done2_at
			    from scored sc cross join bench_pick bp
			), judged as (
			    select t.*, t.sub1 and t.sub2 and abs(t.total1 - t.total2) > t.disagreement as reads_disagree
			    from totalled t
			)
			select j.application_id, j.plan_id, j.c1, j.c2, j.reader1, j.reader2, j.reader3, j.sub1, j.sub2, j.s11,
			       j.s12, j.s21, j.s22, j.total1, j.total2, j.assigned_at, j.done1_at, j.done2_at, j.reads_disagree,
			       case when j.sub1 and j.sub2 then round((j.total1 + j.total2) / 2, 2)
			            when j.sub1 then j.total1 when j.sub2 then j.total2 end as review_score,
			       (not j.sub1)::int + (not j.sub2)::int + j.reads_disagree::int as reads_outstanding
			from judged j""";

	/** The staged reads: two per application, and the extra one where two disagree. */
	static final String INSERT_READS_SQL = """
			insert into application_read (application_id, plan_id, reader_id, state, extra, scores, total, assigned_by,
			                              assigned_at, draft_saved_at, submitted_at)
			select s.application_id, s.plan_id, x.reader, case when x.done then 'SUBMITTED' else 'ASSIGNED' end,
			       x.extra,
			       case when x.done then jsonb_build_object(s.c1::text, x.first, s.c2::text, x.second)
			            else '{}'::jsonb end,
			       case when x.done then x.total end, 'bench@bench.prospectus.example', s.assigned_at,
			       case when x.done then x.done_at end, case when x.done then x.done_at end
			from bench_read_stage s
			cross join lateral (values (s.reader1, s.sub1, s.s11, s.s12, s.total1, s.done1_at, false),
			                           (s.reader2, s.sub2, s.s21, s.s22, s.total2, s.done2_at, false),
			                           (s.reader3, false, null, null, null, null, true))
			    as x (reader, done, first, second, total, done_at, extra)
			where not x.extra or s.reads_disagree""";

	// Look-up tables the chunks draw from, in this session only.

	private void createLookups(JdbcClient jdbc, Instant now) {
		dropLookups(jdbc);
		jdbc.sql("create temp table bench_country (code varchar(2) primary key, capital text, dial text)").update();
		for (Country country : COUNTRIES) {
			jdbc.sql("insert into bench_country values (:code, :capital, :dial)")
				.param("code", country.code())
				.param("capital", country.capital())
				.param("dial", country.dial())
				.update();
		}
		List<String> weighted = new ArrayList<>();
		COUNTRIES.forEach((country) -> {
			for (int w = 0; w < country.weight(); w++) {
				weighted.add(country.code());
			}
		});
		jdbc.sql("create temp table bench_pick as select cast(:now as timestamptz) as now")
			.param("now", timestamp(now))
			.update();
		// Words are drawn by joining on a number: subscripting large arrays row by row
		// detoasts them every time, which made a chunk fifty times slower.
		jdbc.sql("create temp table bench_word (list text, n int, word text, primary key (list, n))").update();
		addWords(jdbc, "citizenship", weighted);
		addWords(jdbc, "given", GIVEN_NAMES);
		addWords(jdbc, "family", FAMILY_NAMES);
		addWords(jdbc, "subject", SUBJECTS);
		addWords(jdbc, "street", STREETS);
		addWords(jdbc, "refusal", REFUSALS);
		jdbc.sql("""
				create temp table bench_round (ord int primary key, id bigint, opens_at timestamptz,
				    deadline_at timestamptz, end_at timestamptz, notification_at timestamptz, open_now boolean,
				    programmes bigint[], exempt text[], share_from float8, share_to float8, drafts float8)""").update();
		double from = 0;
		for (int r = 0; r < ROUNDS.size(); r++) {
			RoundPlan plan = ROUNDS.get(r);
			double to = (r == ROUNDS.size() - 1) ? 1.0001 : from + plan.share();
			jdbc.sql("""
					insert into bench_round
					select :ord, r.id, r.opens_at, r.deadline_at, least(r.deadline_at, :now - interval '1 hour'),
					       r.notification_at, r.deadline_at > :now,
					       (select array_agg(rp.programme_id order by rp.programme_id) from round_programme rp
					         where rp.round_id = r.id),
					       i.fee_exempt_countries, :from, :to, :drafts
					from application_round r join institution i on i.id = r.institution_id
					where r.slug = :slug""")
				.param("ord", r + 1)
				.param("now", timestamp(now))
				.param("from", from)
				.param("to", to)
				.param("drafts", plan.drafts())
				.param("slug", plan.slug())
				.update();
			from = to;
		}
		jdbc.sql("""
				create temp table bench_plan as
				select p.id as plan_id, p.round_id, p.programme_id, p.disagreement, c1.id as c1, c2.id as c2
				from review_plan p
				join review_criterion c1 on c1.plan_id = p.id and c1.position = 1
				join review_criterion c2 on c2.plan_id = p.id and c2.position = 2
				where p.round_id in (select id from bench_round)""").update();
		jdbc.sql("alter table bench_plan add primary key (round_id, programme_id)").update();
		jdbc.sql("""
				create temp table bench_read_round as
				select r.id as round_id,
				       (select array_agg(m.staff_user_id order by m.staff_user_id) from staff_membership m
				        join staff_user u on u.id = m.staff_user_id
				        where m.institution_id = ar.institution_id and m.role = 'READER'
				          and u.email like 'reader__@bench.prospectus.example') as readers,
				       case r.ord when 1 then 1.0 when 2 then 0.85 else 0.3 end as submitted_share
				from bench_round r join application_round ar on ar.id = r.id""").update();
		jdbc.sql("create temp table bench_document (kind text, slug text, ext text, type text, content bytea)")
			.update();
		addDocument(jdbc, "TRANSCRIPT", "transcript", "pdf", "application/pdf", pdf("Transcript of records"));
		addDocument(jdbc, "DEGREE_CERTIFICATE", "degree-certificate", "pdf", "application/pdf",
				pdf("Degree certificate"));
		addDocument(jdbc, "PASSPORT", "passport", "png", "image/png", png());
		jdbc.sql("analyze bench_country, bench_pick, bench_word, bench_round, bench_document, bench_plan, "
				+ "bench_read_round")
			.update();
	}

	private static void addWords(JdbcClient jdbc, String list, List<String> words) {
		jdbc.sql("""
				insert into bench_word (list, n, word)
				select :list, cast(t.ordinality as int) - 1, t.word
				from unnest(cast(:words as text[])) with ordinality as t (word, ordinality)""")
			.param("list", list)
			.param("words", words.toArray(String[]::new))
			.update();
	}

	private static void addDocument(JdbcClient jdbc, String kind, String slug, String ext, String type,
			byte[] content) {
		jdbc.sql("insert into bench_document values (:kind, :slug, :ext, :type, :content)")
			.param("kind", kind)
			.param("slug", slug)
			.param("ext", ext)
			.param("type", type)
			.param("content", content)
			.update();
	}

	private static void dropLookups(JdbcClient jdbc) {
		jdbc.sql(
				"drop table if exists bench_country, bench_pick, bench_word, bench_round, bench_document, bench_stage, "
						+ "bench_plan, bench_read_round, bench_read_source, bench_read_stage")
			.update();
	}

	/**
	 * The connection goes back to the pool as it came: no temporary tables, no settings.
	 */
	private static void cleanUp(Connection connection) {
		try {
			connection.rollback();
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			dropLookups(jdbc);
			jdbc.sql("reset work_mem").update();
			jdbc.sql("reset maintenance_work_mem").update();
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not drop the generator's temporary tables", ex);
		}
	}

	// One chunk: rows first..last, one transaction.

	private String chunk(JdbcClient jdbc, String applicantSequence, long first, long last, int documentsEvery,
			String applicantPasswordHash) {
		StringJoiner timings = new StringJoiner(", ");
		timed(timings, "stage",
				() -> jdbc.sql(stageSql(applicantSequence)).param("first", first).param("last", last).update());
		timed(timings, "read stage", () -> {
			jdbc.sql(
					"""
							create temp table bench_read_source as
							select id, round_id, submitted_at as at, choices[1] as programme_id from bench_stage where submitted""")
				.update();
			jdbc.sql(READ_STAGE_SQL).update();
		});
		timed(timings, "applicants", () -> jdbc.sql("""
				insert into applicant (id, email, full_name, password_hash, email_verified_at, last_sign_in_at,
				                       created_at, updated_at)
				select applicant_id, email, full_name, :hash, created_at, updated_at, created_at, updated_at
				from bench_stage""").param("hash", applicantPasswordHash).update());
		timed(timings, "applications",
				() -> jdbc
					.sql("""
							insert into application (id, reference, applicant_id, round_id, status, answers, snapshot, full_name,
							    citizenship_country, fee_status, submitted_at, withdrawn_at, created_at, updated_at, email,
							    first_choice_programme_id, missing_documents, documents_requested_by, status_changed_at,
							    decision_programme_id, decision_reason, decided_at, decision_notified_at, review_score,
							    reads_outstanding, reads_disagree)
							select id, reference, applicant_id, round_id, status, answers,
							       case when submitted then answers end,
							       case when submitted then full_name end,
							       case when submitted then citizenship end,
							       case when not submitted then null
							            when citizenship = any (exempt) then 'EXEMPT' else 'PAID' end,
							       submitted_at,
							       case when status = 'WITHDRAWN' then changed_at end,
							       created_at, updated_at,
							       case when submitted then email end,
							       case when submitted then choices[1] end,
							       submitted and (status = 'DOCUMENTS_MISSING' or r_missing < 0.055),
							       case when status = 'DOCUMENTS_MISSING' then changed_at + interval '14 days' end,
							       changed_at,
							       case when status in ('ADMITTED', 'RESERVE')
							            then choices[case when cardinality(choices) > 1 and r_decision < 0.25 then 2 else 1 end]
							       end,
							       case when status = 'NOT_ADMITTED'
							                 then refusal
							            when status = 'DOCUMENTS_MISSING'
							                 then 'Please upload a certified copy of your degree certificate.'
							       end,
							       case when status in ('ADMITTED', 'RESERVE', 'NOT_ADMITTED') then changed_at end,
							       case when status in ('ADMITTED', 'RESERVE', 'NOT_ADMITTED') and notification_at < now
							            then notification_at + interval '1 hour' * (1 + r_decision * 20) end,
							       rs.review_score, rs.reads_outstanding, coalesce(rs.reads_disagree, false)
							from bench_stage cross join bench_pick left join bench_read_stage rs on rs.application_id = bench_stage.id
							""")
					.update());
		timed(timings, "choices", () -> jdbc.sql("""
				insert into application_choice (application_id, rank, programme_id)
				select s.id, c.rank, c.programme_id
				from bench_stage s, unnest(s.choices) with ordinality as c (programme_id, rank)
				where s.submitted""").update());
		timed(timings, "documents", () -> jdbc.sql("""
				insert into application_document (id, application_id, kind, stored_name, content_type, size, content,
				                                  uploaded_at)
				select gen_random_uuid(), s.id, d.kind, s.reference || '-' || d.slug || '-1.' || d.ext, d.type,
				       octet_length(d.content), d.content, s.submitted_at - interval '20 minutes'
				from bench_stage s cross join bench_document d
				where s.submitted and s.i % :every = 0""").param("every", documentsEvery).update());
		timed(timings, "reads", () -> jdbc.sql(INSERT_READS_SQL).update());
		jdbc.sql("drop table bench_stage, bench_read_source, bench_read_stage").update();
		return timings.toString();
	}

	private static void timed(StringJoiner timings, String step, Runnable statement) {
		long started = System.nanoTime();
		statement.run();
		timings.add(String.format(Locale.ROOT, "%s %.1f s", step, (System.nanoTime() - started) / 1e9));
	}

	/**
	 * Every generated fact of rows {@code :first} to {@code :last}, drawn once, so that
	 * the applicant, the application and its choices agree.
	 */
	private static String stageSql(String applicantSequence) {
		return """
				create temp table bench_stage as
				with drawn as (
				    select i, random() as r_round, random() as r_time, random() as r_rush, random() as r_status,
				           random() as r_draft, random() as r_country, random() as r_given, random() as r_family,
				           random() as r_choices, random() as r_first, random() as r_o1, random() as r_o2,
				           random() as r_o3, random() as r_missing, random() as r_changed, random() as r_decision,
				           random() as r_subject, random() as r_dob, random() as r_misc, random() as r_domain
				    from generate_series(cast(:first as bigint), cast(:last as bigint)) as i
				), placed as (
				    select d.*, r.id as round_id, r.opens_at, r.deadline_at, r.end_at, r.notification_at,
				           r.programmes, r.exempt, r.ord, r.open_now,
				           d.r_draft >= r.drafts as submitted,
				           cardinality(r.programmes) as n,
				           greatest(1, (cardinality(r.programmes) - 1) / 3) as max_step,
				           least(cardinality(r.programmes), case when d.r_choices < 0.30 then 1
				                                                 when d.r_choices < 0.60 then 2
				                                                 when d.r_choices < 0.85 then 3 else 4 end) as k,
				           -- Popular programmes first: the square skews the first choice to the list's head.
				           floor(cardinality(r.programmes) * d.r_first * d.r_first)::int as s,
				           wc.word as citizenship, wg.word as given, wf.word as family, ws.word as subject,
				           wt.word as street, wr.word as refusal,
				           -- A rush in the last three days before a deadline; otherwise later is likelier.
				           case when not r.open_now and d.r_rush < 0.35
				                then r.deadline_at - interval '3 days' * (d.r_time * d.r_time)
				                else r.opens_at + (r.end_at - r.opens_at) * power(d.r_time, 0.75) end as at
				    from drawn d
				    join bench_round r on d.r_round >= r.share_from and d.r_round < r.share_to
				    join bench_word wc on wc.list = 'citizenship' and wc.n = floor(d.r_country * $CITIZENSHIPS)::int
				    join bench_word wg on wg.list = 'given' and wg.n = floor(d.r_given * $GIVEN)::int
				    join bench_word wf on wf.list = 'family' and wf.n = floor(d.r_family * $FAMILY)::int
				    join bench_word ws on ws.list = 'subject' and ws.n = floor(d.r_subject * $SUBJECTS)::int
				    join bench_word wt on wt.list = 'street' and wt.n = floor(d.r_misc * $STREETS)::int
				    join bench_word wr on wr.list = 'refusal' and wr.n = floor(d.r_decision * $REFUSALS)::int
				), chosen as (
				    select pl.*,
				           (array[pl.programmes[1 + pl.s % pl.n],
				                  pl.programmes[1 + (pl.s + o1) % pl.n],
				                  pl.programmes[1 + (pl.s + o1 + o2) % pl.n],
				                  pl.programmes[1 + (pl.s + o1 + o2 + o3) % pl.n]])[1 : pl.k] as choices
				    from placed pl,
				         lateral (select 1 + floor(pl.r_o1 * pl.max_step)::int as o1,
				                         1 + floor(pl.r_o2 * pl.max_step)::int as o2,
				                         1 + floor(pl.r_o3 * pl.max_step)::int as o3) as steps
				), statused as (
				    select c.*, $STATUS as status
				    from chosen c
				)
				select st.i, st.round_id, st.notification_at, st.exempt, st.citizenship, st.submitted, st.status,
				       st.choices, st.r_missing, st.r_decision, st.refusal,
				       cast(overlay(overlay(md5('prospectus-bench-' || st.i) placing '4' from 13) placing '8' from 17)
				            as uuid) as id,
				       nextval('$APPLICANT_SEQUENCE') as applicant_id,
				       $REFERENCE as reference,
				       st.given || ' ' || st.family as full_name,
				       translate(lower(replace(st.given, ' ', '') || '.' || replace(st.family, ' ', '')),
				                 '$ACCENTED',
				                 '$ASCII')
				           || '.' || st.i || '@'
				           || (array['example.com', 'example.org', 'example.net', 'mail.example', 'student.example'])
				                  [1 + floor(st.r_domain * 5)::int] as email,
				       case when st.submitted then st.at end as submitted_at,
				       st.at - interval '1 day' * (2 + 20 * st.r_misc) as created_at,
				       case when st.submitted
				            then case when st.status = 'SUBMITTED' then st.at
				                      else st.at + (least(pk.now, st.notification_at - interval '1 day') - st.at)
				                                   * (0.2 + 0.8 * st.r_changed) end
				       end as changed_at,
				       case when st.submitted and st.status <> 'SUBMITTED'
				            then st.at + (least(pk.now, st.notification_at - interval '1 day') - st.at)
				                         * (0.2 + 0.8 * st.r_changed)
				            else st.at end as updated_at,
				       jsonb_build_object(
				           'personal', jsonb_build_object('givenNames', st.given, 'familyName', st.family,
				               'dateOfBirth', to_char(date '1988-01-01' + floor(st.r_dob * 4000)::int, 'YYYY-MM-DD')),
				           'contact', jsonb_build_object(
				               'addressLine1', (1 + floor(st.r_misc * 180)::int) || ' ' || st.street,
				               'addressLine2', null, 'city', bc.capital,
				               'postcode', lpad(floor(st.r_dob * 99999)::int::text, 5, '0'),
				               'country', st.citizenship,
				               'phone', '+' || bc.dial || ' ' || lpad(floor(st.r_changed * 1e8)::bigint::text, 8, '0')),
				           'citizenship', jsonb_build_object('country', st.citizenship, 'secondCountry', null),
				           'education', jsonb_build_object('entries', jsonb_build_array(jsonb_build_object(
				               'institution', 'University of ' || bc.capital, 'country', st.citizenship,
				               'qualification', 'Bachelor of Science', 'subject', st.subject,
				               'grade', (array['First class', 'Upper second', 'GPA 3.6 of 4', 'Distinction',
				                               'Merit'])[1 + floor(st.r_decision * 5)::int],
				               'from', (2018 + floor(st.r_dob * 4)::int) || '-09',
				               'until', (2021 + floor(st.r_dob * 4)::int) || '-06'))),
				           'language', case when st.citizenship in ('GB', 'US', 'IE', 'CA')
				               then jsonb_build_object('basis', 'NATIVE')
				               else jsonb_build_object('basis', 'TEST', 'testName', 'IELTS Academic',
				                   'score', (array['6.5', '7.0', '7.5', '8.0'])[1 + floor(st.r_misc * 4)::int],
				                   'testDate', to_char(st.at - interval '1 day' * (30 + 600 * st.r_changed),
				                                       'YYYY-MM-DD')) end,
				           'choices', jsonb_build_object('ranked', to_jsonb(cast(st.choices as text[]))),
				           'statement', jsonb_build_object('text',
				               'My degree in ' || st.subject || ' taught me to ask careful questions. '
				               || 'I want to study further to answer them with the methods this programme teaches, '
				               || 'and to work afterwards where those answers matter to people.')) as answers
				from statused st
				join bench_country bc on bc.code = st.citizenship
				cross join bench_pick pk
				""".replace("$CITIZENSHIPS", Integer.toString(COUNTRIES.stream().mapToInt(Country::weight).sum()))
			.replace("$GIVEN", Integer.toString(GIVEN_NAMES.size()))
			.replace("$FAMILY", Integer.toString(FAMILY_NAMES.size()))
			.replace("$SUBJECTS", Integer.toString(SUBJECTS.size()))
			.replace("$STREETS", Integer.toString(STREETS.size()))
			.replace("$REFUSALS", Integer.toString(REFUSALS.size()))
			.replace("$APPLICANT_SEQUENCE", applicantSequence)
			.replace("$ACCENTED", ACCENTED)
			.replace("$ASCII", ACCENTED_ASCII)
			.replace("$STATUS", statusCase())
			.replace("$REFERENCE", referenceSql());
	}

	/** A status for each submitted row, by its round's mix; a draft stays a draft. */
	static String statusCase() {
		StringJoiner byRound = new StringJoiner(" ", "case when not c.submitted then 'DRAFT' ", " end");
		for (int r = 0; r < ROUNDS.size(); r++) {
			StringBuilder mix = new StringBuilder("case");
			double cumulative = 0;
			List<Share> shares = ROUNDS.get(r).statuses();
			for (int s = 0; s < shares.size(); s++) {
				cumulative += shares.get(s).share();
				if (s == shares.size() - 1) {
					mix.append(" else '").append(shares.get(s).status()).append("' end");
				}
				else {
					mix.append(String.format(Locale.ROOT, " when c.r_status < %.4f then '%s'", cumulative,
							shares.get(s).status()));
				}
			}
			byRound.add("when c.ord = " + (r + 1) + " then " + mix);
		}
		return byRound.toString();
	}

	/**
	 * A reference of eight characters from the row's number: multiplying by an odd
	 * constant modulo 2^40 is a bijection, so references never repeat, and they look
	 * random to a person.
	 */
	static String referenceSql() {
		String x = "((st.i * 42528356287 # 716453918) & 1099511627775)";
		StringJoiner characters = new StringJoiner(" || ");
		for (int c = 7; c >= 0; c--) {
			characters.add("substr('" + REFERENCE_ALPHABET + "', 1 + ((" + x + " >> " + (5 * c) + ") & 31)::int, 1)");
		}
		return characters.toString();
	}

	// Small real documents: a one-page PDF and a PNG that the upload checks would accept.

	static byte[] pdf(String title) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
				content.newLineAtOffset(72, 760);
				content.showText(title);
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
				content.newLineAtOffset(0, -24);
				content.showText("Generated for the Prospectus admissions benchmark. Not a real document.");
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] png() {
		BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0xE8EEF4));
		graphics.fillRect(0, 0, 120, 80);
		graphics.setColor(new Color(0x1F3A5F));
		graphics.fillRect(8, 8, 36, 48);
		graphics.fillRect(52, 16, 60, 6);
		graphics.fillRect(52, 30, 48, 6);
		graphics.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What to generate.
	 *
	 * @param applications how many generated applications the database should hold
	 * @param chunkSize rows per transaction
	 * @param documentsEvery every how many applications one gets documents
	 * @param now the instant of generation: rounds and submissions are placed around it
	 * @param applicantPasswordHash the one password hash of every generated applicant: of
	 * a random password nobody is told, so that none of them can sign in
	 */
	public record Settings(long applications, int chunkSize, int documentsEvery, Instant now,
			String applicantPasswordHash) {

		public Settings {
			if (applications < 0 || chunkSize < 1 || documentsEvery < 1) {
				throw new IllegalArgumentException("Counts must be positive");
			}
			if (applicantPasswordHash == null || applicantPasswordHash.isBlank()) {
				throw new IllegalArgumentException("A password hash is needed for the applicants");
			}
		}

	}

	/**
	 * What a run did.
	 *
	 * @param programmesCreated programmes added to reach {@link #PROGRAMMES}
	 * @param applications generated applications now in the database
	 * @param generated applications generated by this run
	 * @param reads reads of the generated applications now in the database
	 * @param backfilled applications generated earlier without reads that got them now
	 * @param catalogue time for the catalogue and the count
	 * @param load time for the chunks
	 * @param analyze time for {@code ANALYZE}
	 */
	public record Report(int programmesCreated, long applications, long generated, long reads, long backfilled,
			Duration catalogue, Duration load, Duration analyze) {

		public Duration total() {
			return this.catalogue.plus(this.load).plus(this.analyze);
		}

	}

	record Country(String code, int weight, String capital, String dial) {
	}

	record GeneratedInstitution(String slug, String name, String country, String city, String zone, String currency) {
	}

	record Share(String status, double share) {
	}

	/**
	 * Days from the day of generation for each milestone; shares as described above. The
	 * role names the round, so that a person or the benchmark script can pick it.
	 */
	record RoundPlan(String slug, String role, int opens, int deadline, int documents, int notification,
			int studiesStart, double share, double drafts, int programmes, List<Share> statuses) {

		String name() {
			return "Joint master's admission, " + this.role + " (benchmark)";
		}

	}

}
