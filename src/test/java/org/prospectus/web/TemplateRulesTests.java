package org.prospectus.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.course.CreditSystem;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules every template keeps: all visible text comes from the message bundles (so a
 * second language needs no template change), every key used exists, and nothing bypasses
 * escaping or the Content-Security-Policy.
 */
class TemplateRulesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Attributes a person reads or hears; they need their {@code th:} form. */
	static final List<String> READABLE_ATTRIBUTES = List.of("alt", "title", "placeholder", "aria-label", "label");

	/**
	 * Attributes whose element's content Thymeleaf replaces, so the text inside is a
	 * placeholder.
	 */
	static final List<String> REPLACING_ATTRIBUTES = List.of("th:text", "th:utext", "th:replace", "th:insert",
			"th:errors");

	static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)");

	static final Pattern MESSAGES_MSG_KEY = Pattern.compile("#messages\\.msg\\('([A-Za-z0-9._-]+)'");

	static Properties messages;

	static List<Path> templates;

	@BeforeAll
	static void load() throws IOException {
		messages = MessageBundles.merged(MessageBundles.languages().get(0));
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			templates = files.filter((path) -> path.toString().endsWith(".html")).sorted().toList();
		}
		assertThat(templates).hasSizeGreaterThan(5);
	}

	static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void noTemplateHasHardCodedText() {
		List<String> problems = new ArrayList<>();
		for (Path template : templates) {
			Document document = Jsoup.parse(read(template), "", Parser.htmlParser());
			for (Element element : document.getAllElements()) {
				if (isInsideReplacedContent(element) || element.tagName().equals("style")) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (text.text().codePoints().anyMatch(Character::isLetter)) {
						problems
							.add(template + ": text \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
					}
				}
				for (String attribute : READABLE_ATTRIBUTES) {
					if (element.hasAttr(attribute)
							&& element.attr(attribute).codePoints().anyMatch(Character::isLetter)) {
						problems.add(template + ": " + attribute + "=\"" + element.attr(attribute) + "\" needs th:"
								+ attribute + " and a message");
					}
				}
			}
		}
		assertThat(problems).as("hard-coded text; move it to a message bundle").isEmpty();
	}

	/**
	 * Whether Thymeleaf replaces this element's content, so that the text inside is only
	 * a placeholder. The {@code th:replace} on a page's {@code <html>} hands the page's
	 * own content to the layout, so it does not count.
	 */
	private static boolean isInsideReplacedContent(Element element) {
		for (Element current = element; current != null; current = current.parent()) {
			if (current.tagName().equals("html")) {
				continue;
			}
			for (String attribute : REPLACING_ATTRIBUTES) {
				if (current.hasAttr(attribute)) {
					return true;
				}
			}
		}
		return false;
	}

	@Test
	void everyMessageKeyUsedInATemplateExists() {
		Set<String> missing = new TreeSet<>();
		for (Path template : templates) {
			String source = read(template);
			for (Pattern pattern : List.of(STATIC_KEY, MESSAGES_MSG_KEY)) {
				Matcher matcher = pattern.matcher(source);
				while (matcher.find()) {
					// A key ending in a dot is a prefix completed by an enum name, which
					// everyEnumLabelExists checks.
					if (!matcher.group(1).endsWith(".") && !messages.containsKey(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEnumLabelExists() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
		Set<String> missing = new TreeSet<>();
		int checked = 0;
		for (BeanDefinition definition : scanner.findCandidateComponents("org.prospectus")) {
			Class<?> type = Class.forName(definition.getBeanClassName());
			Method messageKey;
			try {
				messageKey = type.getMethod("messageKey");
			}
			catch (NoSuchMethodException ex) {
				continue;
			}
			for (Object constant : type.getEnumConstants()) {
				checked++;
				String key = (String) messageKey.invoke(constant);
				if (!messages.containsKey(key)) {
					missing.add(key);
				}
			}
		}
		for (CreditSystem system : CreditSystem.values()) {
			for (String prefix : List.of("credits.", "credit-system.")) {
				if (!messages.containsKey(prefix + system.name())) {
					missing.add(prefix + system.name());
				}
			}
		}
		assertThat(checked).as("enum constants with labels").isGreaterThan(20);
		assertThat(missing).isEmpty();
	}

	/**
	 * The audit log shows every recorded field by a label, never by a code ("status"):
	 * each field named in the code, and each field a form's describe() reports, is a
	 * message key or has one under {@code audit.field.}; application statuses are spelled
	 * out too.
	 */
	@Test
	void everyAuditedFieldHasALabel() throws IOException {
		Pattern named = Pattern.compile("new FieldChange\\(\"([^\"]+)\"|\\.field\\(\"([^\"]+)\"");
		Pattern described = Pattern.compile("fields\\.put\\(\"([^\"@]+)[\"@]");
		Set<String> fields = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String code = Files.readString(source);
				for (Pattern pattern : List.of(named, described)) {
					Matcher matcher = pattern.matcher(code);
					while (matcher.find()) {
						fields.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
					}
				}
			}
		}
		assertThat(fields).as("audited fields found in the code").hasSizeGreaterThan(40).contains("status");
		assertThat(fields)
			.filteredOn((field) -> !messages.containsKey(field) && !messages.containsKey("audit.field." + field))
			.isEmpty();
		String statuses = messages.getProperty("audit.values.status");
		assertThat(statuses).isNotNull();
		for (ApplicationStatus status : ApplicationStatus.values()) {
			assertThat(messages).containsKey(statuses + status.name());
		}
	}

	/**
	 * One of two templates allowed unescaped output: the JSON-LD block, whose content is
	 * raw text that HTML escaping would corrupt. Its value comes only from
	 * {@link JsonLd}, which escapes {@code <}, {@code >} and {@code &} itself (see
	 * JsonLdTests).
	 */
	static final Path STRUCTURED_DATA = Path.of("fragments", "structured-data.html");

	/**
	 * The other: a long fixed list of options, escaped once when {@link SelectOptions}
	 * made it (see SelectOptionsTests).
	 */
	static final Path SELECT_OPTIONS = Path.of("fragments", "select-options.html");

	/**
	 * A link written as a plain {@code href="/..."} would leave the page's language (ADR
	 * 0035): links go through {@code @{...}}, which keeps it. The waiting room and the
	 * container's error page are rendered outside Spring MVC, from fixed addresses.
	 */
	@Test
	void linksKeepThePagesLanguage() {
		List<String> plain = new ArrayList<>();
		for (Path template : templates) {
			if (template.endsWith("waiting-room.html") || template.endsWith("container.html")
					|| template.startsWith(TEMPLATES.resolve("mail"))) {
				continue;
			}
			for (Element element : Jsoup.parse(read(template)).select("[href^=/], [action^=/], [src^=/]")) {
				boolean replaced = element.hasAttr("th:href") || element.hasAttr("th:action")
						|| element.hasAttr("th:src");
				if (!replaced) {
					plain.add(TEMPLATES.relativize(template) + ": " + element.tagName());
				}
			}
		}
		assertThat(plain).isEmpty();
	}

	@Test
	void nothingBypassesEscapingOrPreprocessesExpressions() {
		for (Path template : templates) {
			String source = read(template);
			assertThat(source).as(template + " must not preprocess expressions").doesNotContain("__${");
			if (template.endsWith(STRUCTURED_DATA)) {
				continue;
			}
			if (template.endsWith(SELECT_OPTIONS)) {
				assertThat(Jsoup.parse(source).select("[th:utext]")).singleElement()
					.satisfies((element) -> assertThat(element.attr("th:utext")).isEqualTo("${list.html(value)}"));
				continue;
			}
			assertThat(source).as(template + " must escape all output").doesNotContain("th:utext");
		}
	}

	@Test
	void theStructuredDataBlockIsTheOnlyUnescapedOutputAndIsDataNotScript() {
		Document document = Jsoup.parse(read(TEMPLATES.resolve(STRUCTURED_DATA)));
		assertThat(document.select("[th:utext]")).singleElement().satisfies((element) -> {
			assertThat(element.tagName()).isEqualTo("script");
			assertThat(element.attr("type")).isEqualTo("application/ld+json");
			assertThat(element.attr("th:utext")).isEqualTo("${json}");
			assertThat(element.attr("th:fragment")).isEqualTo("json-ld (json)");
		});
		assertThat(document.select("script")).hasSize(1);
	}

	@Test
	void browserPagesHaveNoInlineScriptOrStyle() {
		for (Path template : templates) {
			if (template.endsWith(Path.of("courses", "syllabus-pdf.html"))
					|| template.endsWith(Path.of("letters", "decision.html"))) {
				// Rendered to PDF on the server, never sent to a browser.
				continue;
			}
			Document document = Jsoup.parse(read(template));
			// A JSON-LD data block is not script: browsers never run it.
			if (template.endsWith(STRUCTURED_DATA)) {
				document.select("script[type=application/ld+json]").remove();
			}
			// A script from the portal's own files is allowed (the policy's 'self'); a
			// script
			// with a body is inline, and the policy would block it.
			document.select("script[src], script[th:src]")
				.forEach((script) -> assertThat(script.data()).as(template + ": a script file with a body").isBlank());
			document.select("script[src], script[th:src]").remove();
			assertThat(document.select("script, style")).as(template + ": no inline script or style").isEmpty();
			assertThat(document.select("[style], [th\\:style], [th\\:styleappend]"))
				.as(template + ": no style attribute")
				.isEmpty();
			assertThat(document.getAllElements()
				.stream()
				.flatMap((e) -> e.attributes().asList().stream())
				.filter((a) -> a.getKey().toLowerCase().startsWith("on") || a.getKey().startsWith("th:on")))
				.as(template + ": no inline event handlers")
				.isEmpty();
		}
	}

}
