package org.prospectus.web;

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

	public PublicUrls(@Value("${prospectus.base-url:}") String baseUrl) {
		this(baseUrl, null);
	}

	@Autowired
	public PublicUrls(@Value("${prospectus.base-url:}") String baseUrl, @Nullable Environment environment) {
		this.environment = environment;
		String trimmed = baseUrl.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		this.baseUrl = trimmed;
	}

	/**
	 * The absolute address of a path such as {@code /programmes/{slug}}, its variables
	 * encoded.
	 */
	public String of(String path, Object... variables) {
		return base().path(path).encode().buildAndExpand(variables).toUriString();
	}

	/** The absolute address of a path, to add a query to, such as a link's token. */
	public UriComponentsBuilder at(String path) {
		return base().path(path);
	}

	private UriComponentsBuilder base() {
		if (!this.baseUrl.isEmpty()) {
			return UriComponentsBuilder.fromUriString(this.baseUrl);
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
			return ServletUriComponentsBuilder.fromCurrentContextPath();
		}
		String port = (this.environment != null)
				? this.environment.getProperty("local.server.port", this.environment.getProperty("server.port", "8080"))
				: "8080";
		return UriComponentsBuilder.fromUriString("http://localhost:" + port);
	}

}
