package org.prospectus.site;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.course.Course;
import org.prospectus.course.Season;
import org.prospectus.course.Term;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.web.PublicUrls;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;

/**
 * robots.txt, the sitemap and the canonical links: what search engines are told to read,
 * and under which address.
 */
@PortalIntegrationTest
class SiteIndexTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Institution kth;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
	}

	MvcTestResult get(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return result;
	}

	static Document xml(byte[] bytes) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	static List<Element> urls(Document sitemap) {
		NodeList nodes = sitemap.getElementsByTagNameNS(SiteIndexController.SITEMAP_NAMESPACE, "url");
		List<Element> urls = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			urls.add((Element) nodes.item(i));
		}
		return urls;
	}

	static String child(Element url, String name) {
		NodeList nodes = url.getElementsByTagNameNS(SiteIndexController.SITEMAP_NAMESPACE, name);
		return (nodes.getLength() == 0) ? null : nodes.item(0).getTextContent();
	}

	@Test
	void theSitemapListsEveryPublishedProgrammeCourseAndSyllabusVersionAndNothingElse() throws Exception {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		this.fixtures.programme(this.kth, "ds", "Data Science");
		this.fixtures.programme(this.kth, "old", "Retired Programme", Programme::retire);
		this.fixtures.programme(this.kth, "draft", "Draft Programme");
		this.jdbc.sql("update programme set state = 'DRAFT' where slug = 'draft'").update();
		Course deep = this.fixtures.course(this.kth, "DD2424", "Deep Learning", (c) -> {
		});
		this.fixtures.syllabus(deep, Term.of(2024, Season.AUTUMN), (s) -> {
		});
		this.fixtures.syllabus(deep, Term.of(2019, Season.SPRING), (s) -> {
		});
		long coming = this.fixtures.syllabus(deep, Term.of(2027, Season.AUTUMN), (s) -> {
		}).getId();
		this.jdbc.sql("update syllabus set published = false where id = :id").param("id", coming).update();
		this.fixtures.course(this.kth, "SF1624", "Algebra", (c) -> {
		});
		Course retired = this.fixtures.course(this.kth, "DD0001", "Retired course", (c) -> c.retire());
		this.fixtures.syllabus(retired, Term.of(2024, Season.AUTUMN), (s) -> {
		});
		this.fixtures.course(this.kth, "DD0002", "Draft course", (c) -> {
		});
		this.jdbc.sql("update course set state = 'DRAFT' where code = 'DD0002'").update();
		this.jdbc.sql("update programme set updated_at = timestamptz '2026-11-20 10:15:30.123456Z' where slug = 'ml'")
			.update();

		MvcTestResult result = get("/sitemap.xml");
		assertThat(result.getResponse().getContentType()).isEqualToIgnoringCase("application/xml;charset=UTF-8");
		Document sitemap = xml(result.getResponse().getContentAsByteArray());
		assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
		assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SiteIndexController.SITEMAP_NAMESPACE);
		List<Element> all = urls(sitemap);
		// Every page twice, in English and in Swedish (ADR 0035; their alternates are
		// LanguagesTests').
		List<Element> urls = all.stream()
			.filter((url) -> !child(url, "loc").startsWith("http://localhost/sv/"))
			.toList();
		assertThat(all).extracting((url) -> child(url, "loc"))
			.filteredOn((loc) -> loc.startsWith("http://localhost/sv/"))
			.containsExactlyElementsOf(urls.stream()
				.map((url) -> child(url, "loc").replace("http://localhost/", "http://localhost/sv/"))
				.toList());
		assertThat(urls).extracting((url) -> child(url, "loc"))
			.containsExactly("http://localhost/", "http://localhost/programmes", "http://localhost/deadlines",
					"http://localhost/programmes/ds", "http://localhost/programmes/ml",
					"http://localhost/courses/DD2424", "http://localhost/courses/DD2424/syllabus/spring-2019",
					"http://localhost/courses/DD2424/syllabus/autumn-2024", "http://localhost/courses/SF1624");
		Element ml = urls.stream().filter((url) -> child(url, "loc").endsWith("/programmes/ml")).findFirst().get();
		assertThat(child(ml, "lastmod")).isEqualTo("2026-11-20T10:15:30Z");
		assertThat(urls).filteredOn((url) -> child(url, "loc").contains("/courses/"))
			.allSatisfy(
					(url) -> assertThat(Instant.parse(child(url, "lastmod"))).isBefore(Instant.now().plusSeconds(5)));
	}

	@Test
	void robotsKeepCrawlersToThePublicCatalogueAndNameTheSitemap() {
		MvcTestResult result = get("/robots.txt");
		assertThat(result.getResponse().getContentType()).isEqualToIgnoringCase("text/plain;charset=UTF-8");
		String robots = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(robots.lines()).contains("User-agent: *", "Disallow: /admin", "Disallow: /account",
				"Disallow: /applications", "Disallow: /login", "Disallow: /staff", "Allow: /",
				"Sitemap: http://localhost/sitemap.xml");
		assertThat(robots.lines()).noneMatch((line) -> line.equals("Disallow: /"));
		assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
	}

	@Test
	void publicPagesNameTheirCanonicalAddress() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		this.fixtures.course(this.kth, "DD2424", "Deep Learning", (c) -> {
		});
		assertThat(canonical("/")).isEqualTo("http://localhost/");
		assertThat(canonical("/deadlines")).isEqualTo("http://localhost/deadlines");
		assertThat(canonical("/programmes")).isEqualTo("http://localhost/programmes");
		assertThat(canonical("/programmes?q=learning&level=MASTER&sort=title&page=2"))
			.isEqualTo("http://localhost/programmes");
		assertThat(canonical("/programmes/ml")).isEqualTo("http://localhost/programmes/ml");
		assertThat(canonical("/courses/dd2424")).isEqualTo("http://localhost/courses/DD2424");
	}

	@Test
	void aConfiguredBaseUrlWinsOverTheRequestsHost() {
		PublicUrls urls = new PublicUrls("https://prospectus.example.org/ ");
		assertThat(urls.of("/programmes/{slug}", "machine-learning"))
			.isEqualTo("https://prospectus.example.org/programmes/machine-learning");
		assertThat(urls.of("/")).isEqualTo("https://prospectus.example.org/");
		assertThat(urls.of("/courses/{code}", "A B&C")).isEqualTo("https://prospectus.example.org/courses/A%20B%26C");
	}

	String canonical(String uri) {
		var links = page(get(uri)).select("head link[rel=canonical]");
		assertThat(links).as(uri).hasSize(1);
		return links.attr("href");
	}

}
