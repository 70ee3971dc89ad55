package org.prospectus.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLdTests {

	@Test
	void markupCharactersBecomeUnicodeEscapesThatReadBackTheSame() {
		String text = "</script><script>alert(1)</script> & <!-- \u2028";
		Map<String, Object> node = JsonLd.node("Thing");
		node.put("name", text);
		String json = JsonLd.toScriptSafeJson(node);
		assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
		assertThat(json).startsWith("{\"@context\":\"https://schema.org\",\"@type\":\"Thing\"");
		assertThat(JsonMapper.builder().build().readTree(json).path("name").asString()).isEqualTo(text);
	}

	@Test
	void emptyFactsAreLeftOut() {
		Map<String, Object> node = JsonLd.node("Thing");
		JsonLd.putIfPresent(node, "description", " ");
		JsonLd.putIfPresent(node, "url", null);
		JsonLd.putIfPresent(node, "offers", List.of());
		assertThat(node).containsOnlyKeys("@type");
	}

}
