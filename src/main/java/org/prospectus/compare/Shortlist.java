package org.prospectus.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.modulith.NamedInterface;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The programmes a visitor has picked to compare, by slug, in the order they picked them.
 * It lives only in the URL ({@code /compare?p=a&p=b}, and {@code compare=} on the pages
 * that offer "Add to comparison"), so it needs no session and survives a bookmark.
 * Duplicates and blanks are dropped; what is left is kept as typed, to be looked up.
 *
 * @param slugs the distinct slugs, in order
 */
@NamedInterface("api")
public record Shortlist(List<String> slugs) {

	/** How many programmes the comparison shows side by side. */
	public static final int LIMIT = 4;

	/**
	 * How many values of a hand-made URL are looked at at all, so that a URL with a
	 * thousand parameters costs no more than one with a dozen.
	 */
	static final int MAX_VALUES = 12;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final int MAX_SLUG_LENGTH = 120;

	public Shortlist {
		slugs = List.copyOf(slugs);
	}

	public static Shortlist empty() {
		return new Shortlist(List.of());
	}

	/**
	 * The shortlist a request carries. A value that cannot be a slug is kept too, so that
	 * the comparison can say it was not found.
	 */
	public static Shortlist of(List<String> values) {
		if (values == null) {
			return empty();
		}
		Set<String> slugs = new LinkedHashSet<>();
		for (String value : values.subList(0, Math.min(values.size(), MAX_VALUES))) {
			if (value == null || value.isBlank()) {
				continue;
			}
			String slug = value.strip().toLowerCase(Locale.ROOT);
			slugs.add((slug.length() > MAX_SLUG_LENGTH) ? slug.substring(0, MAX_SLUG_LENGTH) : slug);
		}
		return new Shortlist(new ArrayList<>(slugs));
	}

	/** Whether the value could name a programme at all. */
	public static boolean isSlug(String value) {
		return SLUG.matcher(value).matches();
	}

	public boolean isEmpty() {
		return this.slugs.isEmpty();
	}

	public int size() {
		return this.slugs.size();
	}

	public boolean contains(String slug) {
		return this.slugs.contains(slug);
	}

	/** The shortlist with the programme added at the end, unless it is there already. */
	public Shortlist with(String slug) {
		if (contains(slug)) {
			return this;
		}
		List<String> more = new ArrayList<>(this.slugs);
		more.add(slug);
		return new Shortlist(more);
	}

	public Shortlist without(String slug) {
		return new Shortlist(this.slugs.stream().filter((s) -> !s.equals(slug)).toList());
	}

	/**
	 * The same programmes in one order whatever the order picked: the comparison's one
	 * address for search engines, however many orders link to it.
	 */
	public Shortlist canonical() {
		return new Shortlist(this.slugs.stream().sorted().toList());
	}

	/** The comparison page of this shortlist. */
	public String compareUrl() {
		return url("/compare", "p");
	}

	/** The comparison page with one more programme. */
	public String compareUrlWith(String slug) {
		return with(slug).compareUrl();
	}

	/** The comparison page with one programme less. */
	public String compareUrlWithout(String slug) {
		return without(slug).compareUrl();
	}

	/** A page that offers "Add to comparison", carrying this shortlist. */
	public String carriedTo(String path) {
		return url(path, "compare");
	}

	private String url(String path, String parameter) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		this.slugs.forEach((slug) -> builder.queryParam(parameter, slug));
		return builder.build().encode().toUriString();
	}

}
