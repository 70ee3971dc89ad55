package org.prospectus.applications;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts and submitted snapshots are stored as JSON, read with unknown properties
 * ignored: a renamed field would lose what applicants typed without an error. So the
 * stored shape is written out here by hand, and must come back whole.
 */
class AnswersJsonTests {

	static final String STORED = """
			{"personal":{"givenNames":"Ana","familyName":"Kovač","dateOfBirth":"2000-04-23"},
			 "contact":{"addressLine1":"1 Road","addressLine2":"Flat 2","city":"Split","postcode":"21000",
			            "country":"HR","phone":"+385 21 123 456"},
			 "citizenship":{"country":"HR","secondCountry":"SE"},
			 "education":{"entries":[{"institution":"University of Split","country":"HR","qualification":"BSc",
			                          "subject":"Mathematics","grade":"5.0","from":"2019-09","until":"2022-06"}]},
			 "language":{"basis":"TEST","testName":"IELTS","score":"7.5","testDate":"2025-05-01"},
			 "choices":{"ranked":["12","7"]},
			 "statement":{"text":"Why I apply."}}
			""";

	final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	@Test
	void aStoredDraftReadsBackWithEveryAnswer() {
		Answers answers = this.json.readValue(STORED, Answers.class);

		JsonNode written = this.json.readTree(this.json.writeValueAsString(answers));
		assertThat(written).isEqualTo(this.json.readTree(STORED));
		assertThat(answers.citizenships()).containsExactly("HR", "SE");
		assertThat(answers.rankedProgrammeIds()).containsExactly(12L, 7L);
		assertThat(answers.fullName()).isEqualTo("Ana Kovač");
	}

}
