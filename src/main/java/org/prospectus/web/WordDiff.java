package org.prospectus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What changed in a text, word by word, for staff to read before they publish and in the
 * audit log (issue 28): the words kept, deleted and inserted, in order. The comparison is
 * java-diff-utils' Myers diff over words and the spaces between them, so a changed word
 * in a long section shows as that word, not as the whole section twice.
 * <p>
 * Templates show it with {@code fragments/diff :: words}, which marks deletions and
 * insertions with {@code <del>} and {@code <ins>} and says so in words for screen
 * readers, since most do not announce those elements.
 */
@Component("wordDiff")
public class WordDiff {

	/** A word, or the spaces and line breaks between two. */
	private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

	/** Texts shorter than this many characters, on both sides, are shown whole. */
	static final int SHORT = 60;

	/** What a part of the text is in the change. */
	public enum Kind {

		KEPT, DELETED, INSERTED

	}

	/** A run of text that was kept, deleted or inserted. */
	public record Part(Kind kind, String text) {

		public boolean isKept() {
			return this.kind == Kind.KEPT;
		}

		public boolean isDeleted() {
			return this.kind == Kind.DELETED;
		}

		public boolean isInserted() {
			return this.kind == Kind.INSERTED;
		}

	}

	/**
	 * Whether a change is worth showing word by word: both sides have text, and one is
	 * long. A short value (a date, an amount) reads better as before and after.
	 */
	public boolean wordByWord(@Nullable String before, @Nullable String after) {
		return before != null && after != null && !before.equals(after)
				&& (before.length() >= SHORT || after.length() >= SHORT);
	}

	/** The parts of {@code after} against {@code before}, in reading order. */
	public List<Part> between(@Nullable String before, @Nullable String after) {
		List<String> was = tokens(before);
		List<String> is = tokens(after);
		Patch<String> patch = DiffUtils.diff(was, is);
		List<Part> parts = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int start = delta.getSource().getPosition();
			add(parts, Kind.KEPT, was.subList(position, start));
			add(parts, Kind.DELETED, delta.getSource().getLines());
			add(parts, Kind.INSERTED, delta.getTarget().getLines());
			position = start + delta.getSource().size();
		}
		add(parts, Kind.KEPT, was.subList(position, was.size()));
		return List.copyOf(parts);
	}

	private static List<String> tokens(@Nullable String text) {
		List<String> tokens = new ArrayList<>();
		if (text == null) {
			return tokens;
		}
		Matcher token = TOKEN.matcher(text);
		while (token.find()) {
			tokens.add(token.group());
		}
		return tokens;
	}

	/** Adds a run, joined to the one before when that is of the same kind. */
	private static void add(List<Part> parts, Kind kind, List<String> tokens) {
		if (tokens.isEmpty()) {
			return;
		}
		String text = String.join("", tokens);
		int last = parts.size() - 1;
		if (last >= 0 && parts.get(last).kind() == kind) {
			parts.set(last, new Part(kind, parts.get(last).text() + text));
		}
		else {
			parts.add(new Part(kind, text));
		}
	}

}
