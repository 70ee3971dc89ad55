package org.prospectus.search;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Topics as one reads them: programmes write their own, and "Optimisation" at one
 * institution is "Optimization" at another. Spellings that differ only in case, accents,
 * or British and American endings (-isation and -ization, -ise and -ize, -yse and -yze,
 * -iour and -ior) are one topic, offered once in the filter under the first spelling in a
 * dictionary's order, and a search for any spelling finds every programme that lists the
 * topic in any of them.
 */
final class Topics {

	private static final Comparator<String> ORDER = Collator.getInstance(Locale.ENGLISH)::compare;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern ISATION = Pattern.compile("isation");

	private static final Pattern ISE = Pattern.compile("(?<=\\p{L}{3})is(e|es|ed|ing)\\b");

	private static final Pattern YSE = Pattern.compile("(?<=\\p{L}{2})ys(e|es|ed|ing)\\b");

	private static final Pattern IOUR = Pattern.compile("iour");

	private Topics() {
	}

	/** What the spellings of one topic have in common. */
	static String key(String topic) {
		String key = MARKS.matcher(Normalizer.normalize(topic.strip(), Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
		key = ISATION.matcher(key).replaceAll("ization");
		key = ISE.matcher(key).replaceAll("iz$1");
		key = YSE.matcher(key).replaceAll("yz$1");
		return IOUR.matcher(key).replaceAll("ior");
	}

	/** The spellings of each topic by its key, each list in a dictionary's order. */
	static Map<String, List<String>> spellings(List<String> topics) {
		Map<String, TreeSet<String>> byKey = new LinkedHashMap<>();
		for (String topic : topics) {
			byKey.computeIfAbsent(key(topic), (key) -> new TreeSet<>(ORDER.thenComparing(Comparator.naturalOrder())))
				.add(topic);
		}
		Map<String, List<String>> spellings = new LinkedHashMap<>();
		byKey.forEach((key, set) -> spellings.put(key, List.copyOf(set)));
		return spellings;
	}

	/** One name per topic, its first spelling, in a dictionary's order. */
	static List<String> names(Map<String, List<String>> spellings) {
		return spellings.values().stream().map((list) -> list.get(0)).sorted(ORDER).toList();
	}

}
