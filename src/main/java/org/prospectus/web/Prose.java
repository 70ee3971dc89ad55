package org.prospectus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Turns plain catalogue text into paragraphs and bullet lists, so that templates can
 * render it escaped ({@code th:text}) and never need {@code th:utext}. A blank line
 * separates paragraphs; lines starting with "- " form a list.
 */
@Component("prose")
public class Prose {

	/**
	 * Any line break (the regular expression {@code \R}), compiled once rather than at
	 * every call.
	 */
	private static final Pattern LINE_BREAK = Pattern.compile("\\R");

	public List<Block> blocks(String text) {
		List<Block> blocks = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return blocks;
		}
		List<String> paragraph = new ArrayList<>();
		List<String> items = new ArrayList<>();
		for (String raw : LINE_BREAK.split(text.strip())) {
			String line = raw.strip();
			if (line.startsWith("- ") || line.startsWith("* ")) {
				flushParagraph(paragraph, blocks);
				items.add(line.substring(2).strip());
			}
			else if (line.isEmpty()) {
				flushParagraph(paragraph, blocks);
				flushList(items, blocks);
			}
			else {
				flushList(items, blocks);
				paragraph.add(line);
			}
		}
		flushParagraph(paragraph, blocks);
		flushList(items, blocks);
		return blocks;
	}

	private static void flushParagraph(List<String> lines, List<Block> blocks) {
		if (!lines.isEmpty()) {
			blocks.add(new Block(false, List.of(String.join(" ", lines))));
			lines.clear();
		}
	}

	private static void flushList(List<String> items, List<Block> blocks) {
		if (!items.isEmpty()) {
			blocks.add(new Block(true, List.copyOf(items)));
			items.clear();
		}
	}

	/**
	 * @param list whether the block is a bullet list
	 * @param lines the paragraph's text, or the list's items
	 */
	public record Block(boolean list, List<String> lines) {
	}

}
