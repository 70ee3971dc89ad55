package org.prospectus.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds, for each word of a search, the most similar word of the catalogue's titles,
 * topics and institution names (the table {@code search_word}, kept by triggers, V48), by
 * trigram similarity with PostgreSQL's pg_trgm.
 */
@Component
class Spellings {

	/**
	 * How similar the corrected words must each be for the results to be shown for them
	 * at once: half of their trigrams shared, which a letter left out, added or swapped
	 * in a word of six letters or more still is ("machne" and "machine"). Less similar
	 * words (down to pg_trgm's threshold for {@code %}, 0.3) are offered as a question.
	 */
	static final double CERTAIN = 0.5;

	/** Words the search matches as written: letters, digits and marks. */
	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

	/** Words the list could hold: letters only, at least three. */
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]{3,}");

	private final JdbcClient jdbc;

	Spellings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The text with each word the catalogue lacks replaced by its most similar word, or
	 * {@code null} when no word has a similar one. A word excluded with a minus and words
	 * with digits (codes) are left as they are, and so is everything between the words
	 * (quotes, {@code or}).
	 * @param text the words of a search that found nothing
	 * @return the corrected text, or {@code null}
	 */
	@Nullable Suggestion correct(String text) {
		List<int[]> spans = new ArrayList<>();
		List<String> words = new ArrayList<>();
		Matcher token = TOKEN.matcher(text);
		while (token.find()) {
			boolean excluded = token.start() > 0 && text.charAt(token.start() - 1) == '-'
					&& (token.start() == 1 || Character.isWhitespace(text.charAt(token.start() - 2)));
			if (!excluded && WORD.matcher(token.group()).matches()) {
				spans.add(new int[] { token.start(), token.end() });
				words.add(token.group());
			}
		}
		if (words.isEmpty()) {
			return null;
		}
		List<Found> found = this.jdbc.sql("""
				select lower(t.word) as word, w.word as similar, similarity(w.word, lower(t.word)) as score
				from unnest(cast(:words as text[])) with ordinality as t(word, position)
				left join lateral (select s.word from search_word s where s.word % lower(t.word)
				                   order by s.word <-> lower(t.word), s.programmes desc, s.word limit 1) w on true
				order by t.position""")
			.param("words", words.toArray(String[]::new))
			.query((rs, rowNum) -> new Found(rs.getString("word"), rs.getString("similar"), rs.getDouble("score")))
			.list();
		StringBuilder corrected = new StringBuilder();
		int from = 0;
		boolean changed = false;
		boolean certain = true;
		for (int i = 0; i < spans.size(); i++) {
			Found word = found.get(i);
			if (word.similar() == null || word.similar().equals(word.word())) {
				continue;
			}
			int[] span = spans.get(i);
			corrected.append(text, from, span[0]).append(asTyped(words.get(i), word.similar()));
			from = span[1];
			changed = true;
			certain &= word.score() >= CERTAIN;
		}
		if (!changed) {
			return null;
		}
		return new Suggestion(corrected.append(text.substring(from)).toString(), certain);
	}

	/** The word with a capital first letter when the one typed had it. */
	private static String asTyped(String typed, String word) {
		if (Character.isUpperCase(typed.codePointAt(0))) {
			return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
		}
		return word;
	}

	private record Found(String word, @Nullable String similar, double score) {
	}

	/**
	 * @param text the corrected words
	 * @param certain whether every correction was close (see {@link #CERTAIN})
	 */
	record Suggestion(String text, boolean certain) {
	}

}
