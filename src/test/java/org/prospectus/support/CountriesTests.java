package org.prospectus.support;

import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.validation.MapBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The country lists an applicant chooses from, as people read them. */
class CountriesTests {

	static List<String> names(List<String[]> countries) {
		return countries.stream().map((pair) -> pair[1]).toList();
	}

	@Test
	void countriesAreInTheOrderOfAnEnglishDictionaryAccentsAndAll() {
		List<String> names = names(Countries.ALL);
		assertThat(names.indexOf("Côte d’Ivoire")).isNotNegative()
			.isGreaterThan(names.indexOf("Costa Rica"))
			.isLessThan(names.indexOf("Croatia"))
			.isLessThan(names.indexOf("Czechia"));
		assertThat(names.indexOf("Åland Islands")).isNotNegative()
			.isGreaterThan(names.indexOf("Afghanistan"))
			.isLessThan(names.indexOf("Albania"));
		assertThat(names).last().isNotEqualTo("Åland Islands");
	}

	@Test
	void noPlaceWithoutAPermanentPopulationIsOfferedAsACitizenship() {
		List<String> codes = Countries.CITIZENSHIPS.stream().map((pair) -> pair[0]).toList();
		assertThat(codes).contains("SE", "GB", "CI", "AX").doesNotContain("AQ", "BV", "HM", "TF", "GS", "UM");
		assertThat(names(Countries.CITIZENSHIPS)).isSortedAccordingTo(Countries.ORDER);
		assertThat(Countries.ALL.stream().map((pair) -> pair[0])).as("an address or a school may be there")
			.contains("AQ");

		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "form");
		FieldChecks check = new FieldChecks(errors);
		assertThat(check.citizenship("country", "aq", true)).isNull();
		assertThat(errors.getFieldError("country").getCode()).isEqualTo("check.country");
		assertThat(check.citizenship("secondCountry", "se", false)).isEqualTo("SE");
		assertThat(errors.getFieldError("secondCountry")).isNull();
	}

}
