package org.prospectus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The languages the portal offers ({@code prospectus.languages}, the default first) and
 * how an address names one (ADR 0035): the default language's pages keep their addresses,
 * every other language's are the same path under its code ({@code /sv/programmes}).
 * Adding a language is a bundle per module and a code in the property, never code here.
 */
@Component("languages")
public class Languages {

	/** The request attribute that holds the language its address names. */
	static final String LANGUAGE = Languages.class.getName() + ".language";

	/** The request attribute that holds the context path before the language's prefix. */
	static final String ROOT = Languages.class.getName() + ".root";

	private final List<Locale> offered;

	public Languages(@Value("${prospectus.languages:en}") List<String> codes) {
		this.offered = codes.stream().map(String::strip).map(Locale::forLanguageTag).toList();
	}

	/** Every language offered, the default first. */
	public List<Locale> offered() {
		return this.offered;
	}

	/**
	 * The languages a record written in {@code mainLanguage} may be translated into:
	 * every other one offered, for an editor's translation fields.
	 */
	public List<Locale> besides(String mainLanguage) {
		return this.offered().stream().filter((language) -> !language.toLanguageTag().equals(mainLanguage)).toList();
	}

	/** The language of addresses without a prefix. */
	public Locale defaultLanguage() {
		return this.offered.get(0);
	}

	/** The language a path prefix names, or empty for the default or anything else. */
	Optional<Locale> ofPrefix(String segment) {
		for (int i = 1; i < this.offered.size(); i++) {
			if (this.offered.get(i).getLanguage().equals(segment)) {
				return Optional.of(this.offered.get(i));
			}
		}
		return Optional.empty();
	}

	/** {@code ""} for the default language, else {@code /sv}. */
	public String prefix(Locale language) {
		Locale offered = offeredOrDefault(language);
		return offered.equals(defaultLanguage()) ? "" : "/" + offered.getLanguage();
	}

	/** The offered language closest to the one given, or the default. */
	public Locale offeredOrDefault(@Nullable Locale language) {
		if (language != null) {
			for (Locale offered : this.offered) {
				if (offered.getLanguage().equals(language.getLanguage())) {
					return offered;
				}
			}
		}
		return defaultLanguage();
	}

	/** The language a request's address names. */
	public Locale of(HttpServletRequest request) {
		return (request.getAttribute(LANGUAGE) instanceof Locale language) ? language : defaultLanguage();
	}

	/** The context path without the language's prefix. */
	public static String root(HttpServletRequest request) {
		return (request.getAttribute(ROOT) instanceof String root) ? root : request.getContextPath();
	}

	/** The path of a request within the application, without the language's prefix. */
	public static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * The current page in every language, named in its own language ("Svenska",
	 * "English"), with its query, for the switch and the {@code hreflang} alternates.
	 * @param absolute makes an address within the application absolute
	 */
	List<Alternate> alternates(UnaryOperator<String> absolute) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return List.of();
		}
		HttpServletRequest request = attributes.getRequest();
		Locale current = of(request);
		String path = path(request);
		String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
		List<Alternate> alternates = new ArrayList<>(this.offered.size());
		for (Locale language : this.offered) {
			String address = prefix(language) + (path.isEmpty() ? "/" : path);
			alternates.add(new Alternate(language.toLanguageTag(), name(language), root(request) + address + query,
					absolute.apply(address), !query.isEmpty(), language.equals(current)));
		}
		return alternates;
	}

	/**
	 * A language's name in its own words, for templates ({@code @languages.nameOf(...)}).
	 */
	public String nameOf(Locale language) {
		return name(language);
	}

	/** A language's name in its own words: Svenska, English. */
	public static String name(Locale language) {
		String name = language.getDisplayLanguage(language);
		return name.isEmpty() ? language.toLanguageTag()
				: name.substring(0, 1).toUpperCase(language) + name.substring(1);
	}

	/**
	 * One language's address of a page.
	 *
	 * @param tag the BCP 47 tag, for {@code hreflang} and {@code lang}
	 * @param name the language's name in its own words
	 * @param href the address from the server's root, with the page's query, for the
	 * switch: a search stays the same search
	 * @param absolute the absolute address without the query, for {@code hreflang}
	 * alternates, which name a page's canonical address
	 * @param queried whether {@code href} carries a query, which crawlers need not follow
	 * @param current whether this is the page being shown
	 */
	public record Alternate(String tag, String name, String href, String absolute, boolean queried, boolean current) {
	}

}
