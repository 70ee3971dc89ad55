package org.prospectus.site;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.prospectus.course.CourseService;
import org.prospectus.programme.ProgrammeService;
import org.prospectus.staging.PublishedEntry;
import org.prospectus.web.PublicUrls;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What crawlers read first: robots.txt, which keeps them out of the staff and applicant
 * areas and names the sitemap, and the sitemap of every public catalogue page with
 * absolute addresses (see {@link PublicUrls}).
 */
@Controller
class SiteIndexController {

	static final String SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	/** Paths no crawler needs: sign-in, staff and applicant pages. */
	static final List<String> DISALLOWED = List.of("/admin", "/account", "/applications", "/login", "/staff");

	private static final CacheControl ONE_HOUR = CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic();

	private final ProgrammeService programmes;

	private final CourseService courses;

	private final PublicUrls urls;

	SiteIndexController(ProgrammeService programmes, CourseService courses, PublicUrls urls) {
		this.programmes = programmes;
		this.courses = courses;
		this.urls = urls;
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		StringBuilder robots = new StringBuilder("User-agent: *\n");
		DISALLOWED.forEach((path) -> robots.append("Disallow: ").append(path).append('\n'));
		robots.append("Allow: /\n\nSitemap: ").append(this.urls.of("/sitemap.xml")).append('\n');
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(ONE_HOUR)
			.body(robots.toString());
	}

	/**
	 * The home, search and deadlines pages, then every published programme and course,
	 * each with the time it last changed. Drafts and retired entries are left out. Two
	 * queries, whatever the size of the catalogue; one sitemap holds up to 50,000
	 * addresses, which is far more than a catalogue has.
	 */
	@GetMapping("/sitemap.xml")
	ResponseEntity<byte[]> sitemap() throws XMLStreamException {
		List<PublishedEntry> programmes = this.programmes.publishedEntries();
		List<PublishedEntry> courses = this.courses.publishedEntries();
		ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("", "urlset", SITEMAP_NAMESPACE);
		xml.writeDefaultNamespace(SITEMAP_NAMESPACE);
		url(xml, this.urls.of("/"), null);
		url(xml, this.urls.of("/programmes"), null);
		url(xml, this.urls.of("/deadlines"), null);
		for (PublishedEntry programme : programmes) {
			url(xml, this.urls.of("/programmes/{slug}", programme.key()), programme.updatedAt());
		}
		for (PublishedEntry course : courses) {
			url(xml, this.urls.of("/courses/{code}", course.key()), course.updatedAt());
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
			.cacheControl(ONE_HOUR)
			.body(out.toByteArray());
	}

	private static void url(XMLStreamWriter xml, String location, Instant lastModified) throws XMLStreamException {
		xml.writeStartElement(SITEMAP_NAMESPACE, "url");
		element(xml, "loc", location);
		if (lastModified != null) {
			// W3C Datetime, to the second, in UTC.
			element(xml, "lastmod", lastModified.truncatedTo(ChronoUnit.SECONDS).toString());
		}
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(SITEMAP_NAMESPACE, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
