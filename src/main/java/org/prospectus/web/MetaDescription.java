package org.prospectus.web;

import org.jspecify.annotations.Nullable;

/**
 * A page's meta description, which search engines show under its title: the text on one
 * line, cut at a word near {@value #LENGTH} characters.
 */
public final class MetaDescription {

	/** About what a search result shows before it cuts the text itself. */
	static final int LENGTH = 160;

	private MetaDescription() {
	}

	/** The description made of a text, or null when it has none. */
	public static @Nullable String of(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String line = text.strip().replaceAll("\\s+", " ");
		if (line.length() <= LENGTH) {
			return line;
		}
		int cut = line.lastIndexOf(' ', LENGTH - 1);
		return line.substring(0, (cut > LENGTH / 2) ? cut : LENGTH - 1).stripTrailing() + "…";
	}

}
