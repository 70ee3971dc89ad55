package org.prospectus.reading;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan form always offers a row to add a criterion in, while the rubric has room. */
class PlanFormTests {

	@Test
	void aFullPageOfCriteriaGetsOneMoreRowUntilTheRubricIsFull() {
		assertThat(filled(6).getCriteria()).hasSize(7).last().satisfies((row) -> assertThat(row.isBlank()).isTrue());
		assertThat(filled(2).getCriteria()).hasSize(PlanForm.ROWS);
		assertThat(filled(PlanForm.MAX_CRITERIA).getCriteria()).hasSize(PlanForm.MAX_CRITERIA);
	}

	private static PlanForm filled(int criteria) {
		PlanForm form = new PlanForm();
		List<PlanForm.Row> rows = new ArrayList<>();
		for (int i = 0; i < criteria; i++) {
			PlanForm.Row row = new PlanForm.Row();
			row.setName("Criterion " + i);
			row.setScale("5");
			row.setWeight("1");
			rows.add(row);
		}
		form.setCriteria(rows);
		form.fill();
		return form;
	}

}
