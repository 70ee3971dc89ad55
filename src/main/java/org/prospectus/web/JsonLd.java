package org.prospectus.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org structured data as JSON-LD for a {@code <script type="application/ld+json">}
 * block. The JSON is written by Jackson, never by string joining; then every {@code <},
 * {@code >} and {@code &} is written as a Unicode escape, so that no text of ours (a
 * description with {@code </script>} in it, say) can end the element or start markup. In
 * JSON those characters occur only inside strings, where the escape means the same
 * character, so the data is unchanged. U+2028 and U+2029 are escaped too, for any reader
 * that treats the block as JavaScript.
 */
public final class JsonLd {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonLd() {
	}

	/** A new node of the given schema.org type, to fill in order. */
	public static Map<String, Object> node(String type) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("@type", type);
		return node;
	}

	/**
	 * The JSON text of a top-level node, with the schema.org context, safe in a script.
	 */
	public static String toScriptSafeJson(Map<String, Object> node) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("@context", "https://schema.org");
		document.putAll(node);
		return scriptSafe(JSON.writeValueAsString(document));
	}

	static String scriptSafe(String json) {
		StringBuilder safe = new StringBuilder(json.length() + 32);
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			switch (c) {
				case '<' -> safe.append("\\u003c");
				case '>' -> safe.append("\\u003e");
				case '&' -> safe.append("\\u0026");
				case '\u2028' -> safe.append("\\u2028");
				case '\u2029' -> safe.append("\\u2029");
				default -> safe.append(c);
			}
		}
		return safe.toString();
	}

	/**
	 * Puts a value unless it is null or blank text, so the data never has empty facts.
	 */
	public static void putIfPresent(Map<String, Object> node, String key, @Nullable Object value) {
		if (value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof Collection<?> list && list.isEmpty())) {
			return;
		}
		node.put(key, value);
	}

}
