package org.prospectus.site;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.prospectus.course.CourseService;
import org.prospectus.programme.ProgrammeService;
import org.prospectus.web.Languages;
import org.prospectus.web.PublicUrls;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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

	static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

	/**
	 * Paths no crawler needs: sign-in, staff and applicant pages; and the comparison and
	 * the pages that carry a shortlist, one address for every list of up to four
	 * programmes in every order (the clean address of each page is linked elsewhere and
	 * named as its canonical).
	 */
	static final List<String> DISALLOWED = List.of("/admin", "/account", "/applications", "/login", "/staff",
			"/compare", "/*?compare=", "/*&compare=");

	private static final CacheControl ONE_HOUR = CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic();

	private final ProgrammeService programmes;

	private final CourseService courses;

	private final PublicUrls urls;

	private final Languages languages;

	SiteIndexController(ProgrammeService programmes, CourseService courses, PublicUrls urls, Languages languages) {
		this.programmes = programmes;
		this.courses = courses;
		this.urls = urls;
		this.languages = languages;
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		StringBuilder robots = new StringBuilder("User-agent: *\n");
		for (Locale language : this.languages.offered()) {
			String prefix = this.languages.prefix(language);
			DISALLOWED.forEach((path) -> robots.append("Disallow: ").append(prefix).append(path).append('\n'));
		}
		robots.append("Allow: /\n\nSitemap: ")
			.append(this.urls.of(this.languages.defaultLanguage(), "/sitemap.xml"))
			.append('\n');
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(ONE_HOUR)
			.body(robots.toString());
	}

	/**
	 * The home, search and deadlines pages, then every published programme and course,
	 * each with the time it last changed. Drafts and retired entries are left out. Two
	 * queries, whatever the size of the catalogue, streamed: rows are read a thousand at
	 * a time and written as they come, so memory does not grow with the catalogue. One
	 * sitemap holds up to 50,000 addresses; a catalogue beyond that would need a sitemap
	 * index.
	 */
	@GetMapping("/sitemap.xml")
	void sitemap(HttpServletResponse response) throws IOException, XMLStreamException {
		response.setContentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, ONE_HOUR.getHeaderValue());
		XMLStreamWriter xml = XMLOutputFactory.newFactory()
			.createXMLStreamWriter(new BufferedOutputStream(response.getOutputStream(), 16 * 1024), "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("", "urlset", SITEMAP_NAMESPACE);
		xml.writeDefaultNamespace(SITEMAP_NAMESPACE);
		xml.writeNamespace("xhtml", XHTML_NAMESPACE);
		try {
			url(xml, null, "/");
			url(xml, null, "/programmes");
			url(xml, null, "/deadlines");
			this.programmes.eachPublishedEntry(
					(programme) -> url(xml, programme.updatedAt(), "/programmes/{slug}", programme.key()));
			this.courses.eachPublishedEntry((course) -> url(xml, course.updatedAt(), "/courses/{code}", course.key()),
					(course, version) -> url(xml, course.updatedAt(), "/courses/{code}/syllabus/{term}", course.key(),
							version));
		}
		catch (UncheckedXmlException ex) {
			throw ex.getCause();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.flush();
		xml.close();
		response.getOutputStream().flush();
	}

	/**
	 * One page in every language: an entry for each, each naming all of them as its
	 * {@code hreflang} alternates, as search engines ask of a sitemap.
	 */
	private void url(XMLStreamWriter xml, @Nullable Instant lastModified, String path, Object... variables) {
		List<Locale> offered = this.languages.offered();
		List<String> locations = offered.stream().map((language) -> this.urls.of(language, path, variables)).toList();
		try {
			for (String location : locations) {
				xml.writeStartElement(SITEMAP_NAMESPACE, "url");
				element(xml, "loc", location);
				if (lastModified != null) {
					// W3C Datetime, to the second, in UTC.
					element(xml, "lastmod", lastModified.truncatedTo(ChronoUnit.SECONDS).toString());
				}
				for (int i = 0; i < offered.size() && offered.size() > 1; i++) {
					xml.writeEmptyElement(XHTML_NAMESPACE, "link");
					xml.writeAttribute("rel", "alternate");
					xml.writeAttribute("hreflang", offered.get(i).toLanguageTag());
					xml.writeAttribute("href", locations.get(i));
				}
				xml.writeEndElement();
			}
		}
		catch (XMLStreamException ex) {
			throw new UncheckedXmlException(ex);
		}
	}

	/** A writing error, carried out of the row callbacks. */
	private static final class UncheckedXmlException extends RuntimeException {

		UncheckedXmlException(XMLStreamException cause) {
			super(cause);
		}

		@Override
		public synchronized XMLStreamException getCause() {
			return (XMLStreamException) super.getCause();
		}

	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(SITEMAP_NAMESPACE, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
