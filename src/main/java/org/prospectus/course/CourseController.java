package org.prospectus.course;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.prospectus.staging.PublicationState;
import org.prospectus.web.MetaDescription;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.PublicUrls;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class CourseController {

	private final CourseService courses;

	private final SyllabusPdfRenderer pdf;

	private final CourseStructuredData structuredData;

	private final PublicUrls urls;

	private final CourseProgrammes programmes;

	CourseController(CourseService courses, SyllabusPdfRenderer pdf, CourseStructuredData structuredData,
			PublicUrls urls, CourseProgrammes programmes) {
		this.courses = courses;
		this.pdf = pdf;
		this.structuredData = structuredData;
		this.urls = urls;
		this.programmes = programmes;
	}

	@GetMapping("/courses/{code}")
	String show(@PathVariable String code, Model model) {
		CoursePage page = find(code);
		// One address for the page, however the code was typed (dd2424 or DD2424).
		return show(page, this.urls.of("/courses/{code}", page.course().getCode()), null, model);
	}

	/** The course page with one syllabus version shown, past, current or coming. */
	@GetMapping("/courses/{code}/syllabus/{term}")
	String showVersion(@PathVariable String code, @PathVariable String term, Model model) {
		Term version = version(code, term);
		CoursePage page = find(code, version);
		return show(page, this.urls.of("/courses/{code}/syllabus/{term}", page.course().getCode(), version.slug()),
				version, model);
	}

	private String show(CoursePage page, String canonicalUrl, @Nullable Term version, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("course", page.course());
		model.addAttribute("canonicalUrl", canonicalUrl);
		model.addAttribute("version", version);
		model.addAttribute("metaDescription",
				MetaDescription.of(page.course().textIn(LocaleContextHolder.getLocale(), "summary")));
		// The way back to a programme is on the page itself, not in a parameter: one
		// address per course keeps it one page in the caches.
		model.addAttribute("partOf", this.programmes.of(page.course().getId(), LocaleContextHolder.getLocale()));
		if (page.course().getState() == PublicationState.PUBLISHED) {
			model.addAttribute("structuredData", this.structuredData.course(page));
		}
		return "courses/show";
	}

	@GetMapping("/courses/{code}/syllabus.pdf")
	ResponseEntity<byte[]> syllabusPdf(@PathVariable String code, Locale locale) {
		CoursePage page = find(code);
		if (!page.hasSyllabus()) {
			throw NotFoundException.forCourse(code);
		}
		return pdf(page, page.course().getCode() + "-syllabus.pdf", locale);
	}

	/** One syllabus version as PDF. */
	@GetMapping("/courses/{code}/syllabus/{term}.pdf")
	ResponseEntity<byte[]> versionPdf(@PathVariable String code, @PathVariable String term, Locale locale) {
		Term version = version(code, term);
		CoursePage page = find(code, version);
		return pdf(page, page.course().getCode() + "-syllabus-" + version.slug() + ".pdf", locale);
	}

	private ResponseEntity<byte[]> pdf(CoursePage page, String filename, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.maxAge(10, TimeUnit.MINUTES).cachePublic())
			.body(this.pdf.render(page, locale));
	}

	private CoursePage find(String code) {
		return this.courses.findPage(code.toUpperCase(Locale.ROOT))
			.orElseThrow(() -> NotFoundException.forCourse(code));
	}

	private CoursePage find(String code, Term version) {
		return this.courses.findPage(code.toUpperCase(Locale.ROOT), version)
			.orElseThrow(() -> NotFoundException.forCourse(code));
	}

	private static Term version(String code, String term) {
		return Term.ofSlug(term).orElseThrow(() -> NotFoundException.forCourse(code));
	}

}
