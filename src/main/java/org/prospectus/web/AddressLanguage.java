package org.prospectus.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The locale of a request is the language its address names (ADR 0035), never a header or
 * a cookie: one address is one page, for people, search engines and caches alike. The
 * language is changed by following the switch to the other address.
 */
@Component("localeResolver")
class AddressLanguage implements LocaleResolver {

	private final Languages languages;

	AddressLanguage(Languages languages) {
		this.languages = languages;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return this.languages.of(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		throw new UnsupportedOperationException("The address names the language; link to the other address.");
	}

}
