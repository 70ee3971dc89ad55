package org.prospectus.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute addresses of public pages, for what is read away from the page: canonical
 * links, the sitemap, robots.txt, calendar feeds and structured data. They start with
 * {@code prospectus.base-url} when it is set (as it should be in production, where a
 * request's Host header is the client's to choose), else with the address the current
 * request came to, else (in a scheduled job or at start) with this machine's name and the
 * port the server listens on. Every link the portal e-mails or prints is made here.
 */
@Component("publicUrls")
public class PublicUrls {

	private final String baseUrl;

	private final @Nullable Environment environment;

	private final Languages languages;

	public PublicUrls(@Value("${prospectus.base-url:}") String baseUrl) {
		this(baseUrl, null, new Languages(List.of("en")));
	}

	@Autowired
	public PublicUrls(@Value("${prospectus.base-url:}") String baseUrl, @Nullable Environment environment,
			Languages languages) {
		this.environment = environment;
		this.languages = languages;
		String trimmed = baseUrl.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		this.baseUrl = trimmed;
	}

	/**
	 * The absolute address of a path such as {@code /programmes/{slug}}, its variables
	 * encoded, in the language of the current request's address.
	 */
	public String of(String path, Object... variables) {
		return of(current(), path, variables);
	}

	/** The absolute address of a path in a language, for what is mailed or printed. */
	public String of(Locale language, String path, Object... variables) {
		return at(language, path).encode().buildAndExpand(variables).toUriString();
	}

	/** The absolute address of a path, to add a query to, such as a link's token. */
	public UriComponentsBuilder at(String path) {
		return at(current(), path);
	}

	/** The absolute address of a path in a language, to add a query to. */
	public UriComponentsBuilder at(Locale language, String path) {
		return base().path(this.languages.prefix(language)).path(path);
	}

	/**
	 * The current page in every language the portal offers, for the language switch and
	 * the {@code hreflang} alternates ({@code ${@publicUrls.alternates()}}).
	 */
	public List<Languages.Alternate> alternates() {
		return this.languages.alternates((address) -> base().toUriString() + address);
	}

	private Locale current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return this.languages.of(attributes.getRequest());
		}
		return this.languages.defaultLanguage();
	}

	private UriComponentsBuilder base() {
		if (!this.baseUrl.isEmpty()) {
			return UriComponentsBuilder.fromUriString(this.baseUrl);
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return ServletUriComponentsBuilder.fromContextPath(request).replacePath(Languages.root(request));
		}
		String port = (this.environment != null)
				? this.environment.getProperty("local.server.port", this.environment.getProperty("server.port", "8080"))
				: "8080";
		return UriComponentsBuilder.fromUriString("http://localhost:" + port);
	}

}
