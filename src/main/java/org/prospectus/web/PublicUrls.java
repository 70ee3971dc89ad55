package org.prospectus.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute addresses of public pages, for what is read away from the page: canonical
 * links, the sitemap, robots.txt, calendar feeds and structured data. They start with
 * {@code prospectus.base-url} when it is set (as it should be in production, where a
 * request's Host header is the client's to choose), else with the address the current
 * request came to.
 */
@Component("publicUrls")
public class PublicUrls {

	private final String baseUrl;

	public PublicUrls(@Value("${prospectus.base-url:}") String baseUrl) {
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

	private UriComponentsBuilder base() {
		if (!this.baseUrl.isEmpty()) {
			return UriComponentsBuilder.fromUriString(this.baseUrl);
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath();
	}

}
