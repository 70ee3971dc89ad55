package org.prospectus.applications;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

/** Why the applicant applies. */
public final class StatementForm implements StepForm {

	static final int MAX_WORDS = 1000;

	private @Nullable String text;

	@Override
	public void check(FieldChecks check, StepContext context) {
		String text = check.text("text", this.text, true, 8000);
		if (text != null && words(text) > MAX_WORDS) {
			check.errors()
				.rejectValue("text", "application.check.statement.too-long", new Object[] { MAX_WORDS, words(text) },
						null);
		}
	}

	@Override
	public void putInto(Answers answers) {
		answers.setStatement(this);
	}

	static int words(String text) {
		String stripped = text.strip();
		return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
	}

	public @Nullable String getText() {
		return this.text;
	}

	public void setText(@Nullable String text) {
		this.text = text;
	}

}
