package org.prospectus.course;

import java.util.Locale;
import java.util.Map;

import org.prospectus.web.PdfRenderer;

import org.springframework.stereotype.Component;

/**
 * Renders a course's syllabus as PDF from the same data and messages as the course page.
 */
@Component
class SyllabusPdfRenderer {

	private final PdfRenderer pdf;

	SyllabusPdfRenderer(PdfRenderer pdf) {
		this.pdf = pdf;
	}

	byte[] render(CoursePage page, Locale locale) {
		return this.pdf.render("courses/syllabus-pdf", Map.of("page", page, "course", page.course()), locale);
	}

}
