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
 * A plain class rather than a bean: the benchmark profile's runner and the test that
 * keeps it honest both call it. Never part of the normal run.
 */
public class ApplicationGenerator {

	/** How many programmes the rounds admit to, the demo's included. */
	public static final int PROGRAMMES = 50;

	/** The slugs of the generated rounds; their applications are the generated ones. */
	public static final List<String> ROUND_SLUGS = List.of("bench-round-decided", "bench-round-in-review",
			"bench-round-open");

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
		connection.commit();
		List<Long> roundIds = roundIds(jdbc);
		long existing = jdbc.sql("select count(*) from application where round_id in (:rounds)")
			.param("rounds", roundIds)
			.query(Long.class)
			.single();
		long catalogueNanos = System.nanoTime() - started;
		if (existing >= settings.applications()) {
			logger.info(String.format(Locale.ROOT,
					"Benchmark data: %,d generated applications already there (%,d asked for); nothing to do", existing,
					settings.applications()));
			return new Report(createdProgrammes, existing, 0, Duration.ofNanos(catalogueNanos), Duration.ZERO,
					Duration.ZERO);
		}
		createLookups(jdbc, settings.now());
		connection.commit();
		String applicantSequence = jdbc.sql("select pg_get_serial_sequence('applicant', 'id')")
			.query(String.class)
			.single();
		long loadStarted = System.nanoTime();
		long generated = 0;
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
		long loadNanos = System.nanoTime() - loadStarted;
		long analyzeStarted = System.nanoTime();
		connection.setAutoCommit(true);
		jdbc.sql("analyze applicant, application, application_choice, application_document").update();
		connection.setAutoCommit(false);
		long analyzeNanos = System.nanoTime() - analyzeStarted;
		return new Report(createdProgrammes, existing + generated, generated, Duration.ofNanos(catalogueNanos),
				Duration.ofNanos(loadNanos), Duration.ofNanos(analyzeNanos));
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
		jdbc.sql("create temp table bench_document (kind text, slug text, ext text, type text, content bytea)")
			.update();
		addDocument(jdbc, "TRANSCRIPT", "transcript", "pdf", "application/pdf", pdf("Transcript of records"));
		addDocument(jdbc, "DEGREE_CERTIFICATE", "degree-certificate", "pdf", "application/pdf",
				pdf("Degree certificate"));
		addDocument(jdbc, "PASSPORT", "passport", "png", "image/png", png());
		jdbc.sql("analyze bench_country, bench_pick, bench_word, bench_round, bench_document").update();
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
		jdbc.sql("drop table if exists bench_country, bench_pick, bench_word, bench_round, bench_document, bench_stage")
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
		timed(timings, "applicants", () -> jdbc.sql("""
				insert into applicant (id, email, full_name, password_hash, email_verified_at, last_sign_in_at,
				                       created_at, updated_at)
				select applicant_id, email, full_name, :hash, created_at, updated_at, created_at, updated_at
				from bench_stage""").param("hash", applicantPasswordHash).update());
		timed(timings, "applications", () -> jdbc.sql("""
				insert into application (id, reference, applicant_id, round_id, status, answers, snapshot, full_name,
				    citizenship_country, fee_status, submitted_at, withdrawn_at, created_at, updated_at, email,
				    first_choice_programme_id, missing_documents, documents_requested_by, status_changed_at,
				    decision_programme_id, decision_reason, decided_at, decision_notified_at)
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
				            then notification_at + interval '1 hour' * (1 + r_decision * 20) end
				from bench_stage, bench_pick""").update());
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
		jdbc.sql("drop table bench_stage").update();
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
	 * @param catalogue time for the catalogue and the count
	 * @param load time for the chunks
	 * @param analyze time for {@code ANALYZE}
	 */
	public record Report(int programmesCreated, long applications, long generated, Duration catalogue, Duration load,
			Duration analyze) {

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
