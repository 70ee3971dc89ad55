package org.prospectus.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a message from {@code templates/mail/<name>.txt} (Thymeleaf TEXT mode) and
 * {@code templates/mail/<name>.html}, with the subject from the message key
 * {@code mail.<name>.subject}. All text comes from {@code messages.properties}, as on the
 * pages.
 * <p>
 * A template engine of its own, not the web one: the web engine resolves view names to
 * HTML pages only, and a mail template must never be reachable as a view.
 */
@Component
class MailTemplates {

	/** Template names are fixed in code; anything else is a programming error. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final SpringTemplateEngine engine;

	private final MessageSource messages;

	MailTemplates(MessageSource messages) {
		this.messages = messages;
		this.engine = new SpringTemplateEngine();
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
		this.engine.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	RenderedMail render(String name, Map<String, Object> model, Locale locale) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a mail template name: '" + name + "'");
		}
		Context context = new Context(locale, model);
		String subject = this.messages.getMessage("mail." + name + ".subject", null, locale);
		return new RenderedMail(subject, this.engine.process(name + ".txt", context).strip() + "\n",
				this.engine.process(name + ".html", context));
	}

	record RenderedMail(String subject, String text, String html) {
	}

}
