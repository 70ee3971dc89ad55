package org.prospectus.applications;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

/** The programmes applied to, best first: ids of the round's programmes. */
public final class ChoicesForm implements StepForm {

	private List<@Nullable String> ranked = new ArrayList<>();

	@Override
	public void check(FieldChecks check, StepContext context) {
		List<String> chosen = chosen();
		if (chosen.isEmpty()) {
			check.errors().reject("application.check.choices.none");
		}
		else if (chosen.size() > context.choiceLimit()) {
			check.errors().reject("application.check.choices.too-many", new Object[] { context.choiceLimit() }, null);
		}
		else if (chosen.stream().distinct().count() < chosen.size()) {
			check.errors().reject("application.check.choices.twice");
		}
		else if (chosen.stream().anyMatch((value) -> !context.programmes().containsKey(id(value)))) {
			check.errors().reject("application.check.choices.unknown");
		}
	}

	@Override
	public void putInto(Answers answers) {
		answers.setChoices(this);
	}

	/** The programme ids chosen, best first; -1 for a value that is not an id. */
	List<Long> programmeIds() {
		return chosen().stream().map(ChoicesForm::id).toList();
	}

	private List<String> chosen() {
		List<String> chosen = new ArrayList<>();
		for (String value : this.ranked) {
			if (!FieldChecks.blank(value)) {
				chosen.add(value);
			}
		}
		return chosen;
	}

	/** The programme id a choice names, or -1 for a value that is not an id. */
	public static long id(String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	public List<@Nullable String> getRanked() {
		return this.ranked;
	}

	public void setRanked(List<@Nullable String> ranked) {
		this.ranked = ranked;
	}

}
