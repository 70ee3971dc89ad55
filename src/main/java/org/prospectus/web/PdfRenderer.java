package org.prospectus.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Renders a Thymeleaf template, written as well-formed XHTML, to PDF with openhtmltopdf:
 * the same messages and beans ({@code @formats}) as the pages.
 */
@Component
public class PdfRenderer {

	private final ISpringTemplateEngine templates;

	private final ApplicationContext applicationContext;

	PdfRenderer(ISpringTemplateEngine templates, ApplicationContext applicationContext) {
		this.templates = templates;
		this.applicationContext = applicationContext;
	}

	/**
	 * @param template the template's name, such as {@code letters/decision}
	 * @param variables its variables
	 * @param locale the language to write it in
	 */
	public byte[] render(String template, Map<String, Object> variables, Locale locale) {
		Context context = new Context(locale);
		context.setVariables(variables);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.applicationContext, null));
		// Dates and money in the document's language, whatever the page's (a letter is in
		// the applicant's language).
		LocaleContext page = LocaleContextHolder.getLocaleContext();
		String xhtml;
		try {
			LocaleContextHolder.setLocale(locale);
			xhtml = this.templates.process(template, context);
		}
		finally {
			LocaleContextHolder.setLocaleContext(page);
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render " + template, ex);
		}
	}

}
