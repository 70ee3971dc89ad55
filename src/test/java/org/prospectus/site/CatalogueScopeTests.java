package org.prospectus.site;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffPrincipal;
import org.prospectus.account.StaffRole;
import org.prospectus.course.Course;
import org.prospectus.course.CourseEditing;
import org.prospectus.course.CourseForm;
import org.prospectus.course.CourseOffering;
import org.prospectus.course.CoursePublishing;
import org.prospectus.course.OfferingEditing;
import org.prospectus.course.OfferingForm;
import org.prospectus.course.Season;
import org.prospectus.course.Syllabus;
import org.prospectus.course.SyllabusEditing;
import org.prospectus.course.SyllabusForm;
import org.prospectus.course.Term;
import org.prospectus.institution.Institution;
import org.prospectus.institution.InstitutionEditing;
import org.prospectus.institution.InstitutionForm;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundEditing;
import org.prospectus.intake.RoundForm;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeDocuments;
import org.prospectus.programme.ProgrammeEditing;
import org.prospectus.programme.ProgrammeForm;
import org.prospectus.programme.ProgrammePublishing;
import org.prospectus.review.ReviewData;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;
import org.prospectus.web.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Editors keep to their own institution's catalogue (ADR 0018). Southampton's editor gets
 * 404 on every catalogue route that names one of KTH's programmes, courses, syllabuses,
 * offerings, rounds or KTH itself, found in the handler mappings so that a new route is
 * covered too; the lists, the pickers and the staff dashboard leave KTH's out; a new
 * programme or course cannot be made for KTH, nor a new institution at all.
 */
@PortalIntegrationTest
class CatalogueScopeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffSessions staff;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Institution kth;

	Programme programme;

	Course course;

	Syllabus syllabus;

	CourseOffering offering;

	ApplicationRound round;

	MockHttpSession kthEditor;

	MockHttpSession sotonEditor;

	MockHttpSession sotonOfficer;

	MockHttpSession sotonAdministrator;

	UUID application;

	long kthEditorId;

	@Autowired
	ProgrammeEditing programmeEditing;

	@Autowired
	ProgrammePublishing programmePublishing;

	@Autowired
	ProgrammeDocuments programmeDocuments;

	@Autowired
	CourseEditing courseEditing;

	@Autowired
	CoursePublishing coursePublishing;

	@Autowired
	SyllabusEditing syllabusEditing;

	@Autowired
	OfferingEditing offeringEditing;

	@Autowired
	RoundEditing roundEditing;

	@Autowired
	InstitutionEditing institutionEditing;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Institution soton = this.fixtures.institution("soton", "Europe/London");
		this.programme = this.fixtures.programme(this.kth, "kth-ml", "Machine Learning KTH");
		this.fixtures.publishedYear(this.programme, 2028);
		this.fixtures.programme(soton, "soton-ml", "Machine Learning Southampton");
		this.course = this.fixtures.course(this.kth, "DD2424", "Deep Learning", (c) -> {
		});
		this.syllabus = this.fixtures.syllabus(this.course, Term.of(2026, Season.AUTUMN), (s) -> {
		});
		this.offering = this.fixtures.offering(this.course, Term.of(2027, Season.SPRING), LocalDate.of(2027, 1, 18),
				LocalDate.of(2027, 3, 20), "60228", (o) -> {
				});
		this.round = this.fixtures.round(this.kth, "kth-2027", Instant.parse("2026-10-15T22:00:00Z"),
				Instant.parse("2027-01-15T22:59:59Z"), this.programme);
		// A draft, which the staff dashboard lists for its institution's editors.
		this.jdbc.sql("update programme set state = 'DRAFT' where slug = 'kth-ml'").update();
		this.kthEditorId = this.staff.createAt("kth-editor@uni.example", "Karin KTH", this.kth.getId(),
				StaffRole.EDITOR);
		this.staff.createAt("soton-editor@uni.example", "Sam Southampton", soton.getId(), StaffRole.EDITOR);
		this.staff.createAt("soton-officer@uni.example", "Olu Southampton", soton.getId(), StaffRole.ADMISSIONS);
		this.staff.createAt("soton-admin@uni.example", "Ann Southampton", soton.getId(), StaffRole.ADMIN);
		this.kthEditor = this.staff.signIn("kth-editor@uni.example");
		this.sotonEditor = this.staff.signIn("soton-editor@uni.example");
		this.sotonOfficer = this.staff.signIn("soton-officer@uni.example");
		this.sotonAdministrator = this.staff.signIn("soton-admin@uni.example");
		ReviewData.Spec spec = new ReviewData.Spec("KTH-0001", this.round.getId());
		spec.choices = List.of(this.programme.getId());
		this.application = new ReviewData(this.jdbc).submitted(spec);
	}

	/** Every catalogue route with a variable, each with KTH's record put in. */
	List<Map.Entry<HttpMethod, String>> kthRoutes() {
		List<Map.Entry<HttpMethod, String>> routes = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/admin/catalogue/") && pattern.contains("{")) {
					for (RequestMethod method : info.getMethodsCondition().getMethods()) {
						routes.add(Map.entry(method.asHttpMethod(), path(pattern)));
					}
				}
			}
		});
		return routes;
	}

	String path(String pattern) {
		String path = pattern.replace("{courseId}", this.course.getId().toString()).replace("{year}", "2028");
		if (path.contains("/syllabuses/{id}")) {
			return path.replace("{id}", this.syllabus.getId().toString());
		}
		if (path.contains("/offerings/{id}")) {
			return path.replace("{id}", this.offering.getId().toString());
		}
		long id = path.startsWith("/admin/catalogue/programmes/") ? this.programme.getId()
				: path.startsWith("/admin/catalogue/courses/") ? this.course.getId()
						: path.startsWith("/admin/catalogue/rounds/") ? this.round.getId() : this.kth.getId();
		return path.replace("{id}", Long.toString(id));
	}

	MvcTestResult call(Map.Entry<HttpMethod, String> route, MockHttpSession session) {
		return this.mvc.perform(request(route.getKey(), route.getValue()).session(session)
			.with(csrf())
			.param("version", "0")
			.param("title", "Taken over"));
	}

	@Test
	void anotherInstitutionsRecordsAreNotFoundOnEveryCatalogueRoute() {
		List<Map.Entry<HttpMethod, String>> routes = kthRoutes();
		assertThat(routes).as("catalogue routes with an id").hasSizeGreaterThan(25);
		for (Map.Entry<HttpMethod, String> route : routes) {
			assertThat(call(route, this.sotonEditor)).as("Southampton's editor on " + route).hasStatus(404);
		}
		assertThat(this.jdbc.sql("select title from programme where id = :id")
			.param("id", this.programme.getId())
			.query(String.class)
			.single()).isEqualTo("Machine Learning KTH");
		// KTH's own editor opens every page of theirs: the 404s above are about scope.
		for (Map.Entry<HttpMethod, String> route : routes) {
			if (route.getKey() == HttpMethod.GET && !route.getValue().endsWith(".pdf")) {
				assertThat(call(route, this.kthEditor)).as("KTH's editor on " + route).hasStatusOk();
			}
		}
	}

	@Test
	void listsPickersAndTheDashboardHoldOnlyTheEditorsInstitution() {
		assertThat(text("/admin/catalogue/programmes")).contains("Machine Learning Southampton")
			.doesNotContain("Machine Learning KTH");
		assertThat(text("/admin/catalogue/courses")).doesNotContain("DD2424");
		assertThat(text("/admin/catalogue/rounds")).doesNotContain("kth-2027");
		assertThat(text("/admin/catalogue/institutions")).contains("University soton").doesNotContain("University kth");
		assertThat(text("/admin")).doesNotContain("Machine Learning KTH");
		Document form = page(
				this.mvc.get().uri("/admin/catalogue/programmes/new").session(this.sotonEditor).exchange());
		assertThat(form.select("select#institution option").eachText()).containsExactly("Choose…", "University soton");
		assertThat(this.mvc.get()
			.uri("/admin/catalogue/rounds/new?institution={id}", this.kth.getId())
			.session(this.sotonEditor)
			.exchange()).hasStatusOk().bodyText().doesNotContain("University kth");
		assertThat(this.mvc.get().uri("/admin/catalogue/institutions/new").session(this.sotonEditor).exchange())
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/admin/catalogue/institutions/new").session(this.kthEditor).exchange())
			.hasStatus(404);
	}

	@Test
	void aNewProgrammeOrCourseCannotBeMadeForAnotherInstitution() {
		for (String kind : List.of("programmes", "courses")) {
			MvcTestResult result = this.mvc.post()
				.uri("/admin/catalogue/" + kind)
				.session(this.sotonEditor)
				.with(csrf())
				.param("institution", this.kth.getId().toString())
				.param("code", "NEW1")
				.param("slug", "new-one")
				.param("title", "Planted")
				.exchange();
			assertThat(result.getResponse().getStatus()).as(kind).isLessThan(300);
			assertThat(page(result).select("#institution-error").text()).as(kind).isNotEmpty();
		}
		assertThat(
				this.jdbc.sql("select count(*) from programme where title = 'Planted'").query(Integer.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select count(*) from course where title = 'Planted'").query(Integer.class).single())
			.isZero();
	}

	/**
	 * Every staff route that names an entry, with KTH's entries put in under several
	 * spellings of their ids, as Southampton's editor, admissions officer and
	 * administrator: nothing but 400, 403 or 404, and nothing of KTH's changes. The plain
	 * digits are refused for scope; any other spelling of the number is refused as a bad
	 * request before anything looks at it.
	 */
	@Test
	void anotherInstitutionsEntriesAreRefusedUnderEverySpellingOfTheirIds() {
		List<Map.Entry<HttpMethod, String>> routes = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/admin/") && pattern.contains("{")) {
					Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
							: methods) {
						routes.add(Map.entry(method.asHttpMethod(), pattern));
					}
				}
			}
		});
		assertThat(routes).as("staff routes that name an entry").hasSizeGreaterThan(40);
		Map<String, MockHttpSession> sessions = Map.of("editor", this.sotonEditor, "officer", this.sotonOfficer,
				"administrator", this.sotonAdministrator);
		int refusedAsBadRequest = 0;
		for (Map.Entry<HttpMethod, String> route : routes) {
			for (Function<Long, String> spelling : SPELLINGS) {
				String path = entryPath(route.getValue(), spelling);
				for (Map.Entry<String, MockHttpSession> session : sessions.entrySet()) {
					MvcTestResult result = this.mvc
						.perform(request(route.getKey(), URI.create(path)).session(session.getValue())
							.with(csrf())
							.param("version", "0")
							.param("name", "Taken over")
							.param("title", "Taken over"));
					int status = result.getResponse().getStatus();
					assertThat(status).as("Southampton's %s on %s %s", session.getKey(), route.getKey(), path)
						.isIn(400, 403, 404);
					if (status == 400) {
						refusedAsBadRequest++;
					}
				}
			}
		}
		assertThat(refusedAsBadRequest).as("other spellings refused as bad requests").isPositive();
		assertThat(this.jdbc.sql("select title from programme where id = :id")
			.param("id", this.programme.getId())
			.query(String.class)
			.single()).isEqualTo("Machine Learning KTH");
		assertThat(this.jdbc.sql("select name from application_round where id = :id")
			.param("id", this.round.getId())
			.query(String.class)
			.single()).isEqualTo(this.round.getName());
		assertThat(this.jdbc.sql("select count(*) from pending_revision").query(Integer.class).single()).isZero();
	}

	/**
	 * The plain digits, then other ways of writing the same number that Spring would
	 * read.
	 */
	static final List<Function<Long, String>> SPELLINGS = List.of(String::valueOf, (id) -> "0" + id, (id) -> "%2B" + id,
			(id) -> "0x" + Long.toHexString(id), (id) -> "%20" + id);

	String entryPath(String pattern, Function<Long, String> spelling) {
		String path = pattern.replace("{courseId}", spelling.apply(this.course.getId())).replace("{year}", "2028");
		if (path.startsWith("/admin/applications/")) {
			path = path.replace("{id}", this.application.toString());
		}
		else if (path.startsWith("/admin/staff/")) {
			path = path.replace("{id}", spelling.apply(this.kthEditorId));
		}
		else if (path.contains("/syllabuses/{id}")) {
			path = path.replace("{id}", spelling.apply(this.syllabus.getId()));
		}
		else if (path.contains("/offerings/{id}")) {
			path = path.replace("{id}", spelling.apply(this.offering.getId()));
		}
		else if (path.contains("{id}")) {
			long id = path.startsWith("/admin/catalogue/programmes/") ? this.programme.getId()
					: path.startsWith("/admin/catalogue/courses/") ? this.course.getId()
							: path.startsWith("/admin/catalogue/rounds/") ? this.round.getId() : this.kth.getId();
			path = path.replace("{id}", spelling.apply(id));
		}
		return path.replace("{documentId}", UUID.randomUUID().toString())
			.replace("{kind}", "TRANSCRIPT")
			.replace("{offer}", spelling.apply(1L))
			.replace("{condition}", spelling.apply(1L))
			.replace("{round}", spelling.apply(this.round.getId()))
			.replace("{programme}", spelling.apply(this.programme.getId()))
			.replace("{position}", spelling.apply(1L));
	}

	/**
	 * The services that edit, stage and publish check the institution themselves,
	 * whatever the web layer did: called directly as Southampton's editor, each refuses
	 * KTH's entry as missing and writes nothing.
	 */
	@Test
	void theEditingServicesRefuseAnotherInstitutionsEntriesWhateverTheWebLayerDid() {
		long soton = this.jdbc.sql("select id from institution where slug = 'soton'").query(Long.class).single();
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal.authentication(StaffPrincipal.acting("soton-editor@uni.example", Set.of(),
					Map.of(StaffRole.EDITOR, Set.of(soton)))));
		try {
			long programme = this.programme.getId();
			long course = this.course.getId();
			long round = this.round.getId();
			List<ThrowingCallable> calls = List.of(() -> this.programmeEditing.save(programme, new ProgrammeForm()),
					() -> this.programmeEditing.discard(programme, null),
					() -> this.programmeEditing.pending(programme),
					() -> this.programmePublishing.publish(programme, 0, null, null),
					() -> this.programmePublishing.retire(programme, 0),
					() -> this.programmeDocuments.discardPending(programme),
					() -> this.programmeDocuments.stage(programme, "x.pdf", InputStream.nullInputStream(), 0),
					() -> this.courseEditing.save(course, new CourseForm()), () -> this.courseEditing.pending(course),
					() -> this.coursePublishing.publish(course, 0, Set.of()),
					() -> this.coursePublishing.discard(course, Set.of()),
					() -> this.coursePublishing.retire(course, 0),
					() -> this.syllabusEditing.save(course, this.syllabus.getId(), new SyllabusForm()),
					() -> this.syllabusEditing.pending(this.syllabus.getId()),
					() -> this.offeringEditing.save(course, this.offering.getId(), new OfferingForm()),
					() -> this.offeringEditing.pending(this.offering.getId()),
					() -> this.roundEditing.save(round, new RoundForm()), () -> this.roundEditing.publish(round, 0, 1L),
					() -> this.roundEditing.discard(round, null),
					() -> this.institutionEditing.update(this.kth.getId(), new InstitutionForm()),
					() -> this.institutionEditing.create(new InstitutionForm()));
			for (ThrowingCallable call : calls) {
				assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
			}
			assertThat(this.programmeEditing.draft(programme)).isEmpty();
			assertThat(this.programmePublishing.find(programme)).isEmpty();
			assertThat(this.coursePublishing.staffView(course)).isEmpty();
			assertThat(this.syllabusEditing.draft(course, this.syllabus.getId())).isEmpty();
			assertThat(this.roundEditing.find(round)).isEmpty();
			assertThat(this.institutionEditing.find(this.kth.getId())).isEmpty();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(this.jdbc.sql("select count(*) from pending_revision").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select state from programme where id = :id")
			.param("id", this.programme.getId())
			.query(String.class)
			.single()).isEqualTo("DRAFT");
	}

	String text(String path) {
		MvcTestResult result = this.mvc.get().uri(path).session(this.sotonEditor).exchange();
		assertThat(result).as(path).hasStatusOk();
		return page(result).select("main").text();
	}

}
