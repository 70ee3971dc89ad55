package org.prospectus.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelectOptionsTests {

	private static final SelectOptions OPTIONS = SelectOptions.of(List.of(new String[] { "CI", "Côte d'Ivoire" },
			new String[] { "SE", "Sweden" }, new String[] { "X\"Y", "<b>Bold</b> & more" }));

	@Test
	void marksOnlyTheChosenValueAndEscapesEveryValueAndLabel() {
		Document select = Jsoup.parse("<select>" + OPTIONS.html("SE") + "</select>");
		assertThat(select.select("option").eachAttr("value")).containsExactly("CI", "SE", "X\"Y");
		assertThat(select.select("option").eachText()).containsExactly("Côte d'Ivoire", "Sweden", "<b>Bold</b> & more");
		assertThat(select.select("option[selected]").eachAttr("value")).containsExactly("SE");
		assertThat(select.select("b")).isEmpty();
	}

	@Test
	void choosesNothingForNoValueOrAnUnknownOne() {
		assertThat(OPTIONS.html(null)).doesNotContain("selected");
		assertThat(OPTIONS.html("ZZ")).doesNotContain("selected");
		assertThat(OPTIONS.html("<b>Bold</b> & more")).doesNotContain("selected");
	}

}
