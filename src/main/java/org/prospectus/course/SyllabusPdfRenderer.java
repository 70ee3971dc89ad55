package org.prospectus.course;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Renders a course's syllabus as PDF from the same data and messages as the course page:
 * a Thymeleaf template written as well-formed XHTML, laid out by openhtmltopdf.
 */
@Component
class SyllabusPdfRenderer {

	private final ISpringTemplateEngine templates;

	private final ApplicationContext applicationContext;

	SyllabusPdfRenderer(ISpringTemplateEngine templates, ApplicationContext applicationContext) {
		this.templates = templates;
		this.applicationContext = applicationContext;
	}

	byte[] render(CoursePage page, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("page", page);
		context.setVariable("course", page.course());
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.applicationContext, null));
		String xhtml = this.templates.process("courses/syllabus-pdf", context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render the syllabus of " + page.course().getCode(), ex);
		}
	}

}
