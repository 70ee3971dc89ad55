package org.prospectus.applications;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

/** Why the applicant applies. */
public final class StatementForm implements StepForm {

	/** The one limit an applicant is told and held to. */
	public static final int MAX_WORDS = 1000;

	/**
	 * What the database keeps at most: far above any 1,000 words of prose, so that only a
	 * text that is not prose ever meets it.
	 */
	static final int MAX_CHARACTERS = 20_000;

	private @Nullable String text;

	@Override
	public void check(FieldChecks check, StepContext context) {
		String text = check.text("text", this.text, true, MAX_CHARACTERS);
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

	/** The number of words in a text, as the limit counts them: runs of non-space. */
	public static int words(@Nullable String text) {
		String stripped = (text != null) ? text.strip() : "";
		return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
	}

	public @Nullable String getText() {
		return this.text;
	}

	public void setText(@Nullable String text) {
		this.text = text;
	}

}
