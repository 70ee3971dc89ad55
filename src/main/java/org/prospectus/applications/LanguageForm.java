package org.prospectus.applications;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

/** How the applicant shows they can study in the language of instruction. */
public final class LanguageForm implements StepForm {

	/** A test taken, the applicant's first language, or studies in the language. */
	static final Set<String> BASES = Set.of("TEST", "NATIVE", "STUDIES");

	private @Nullable String basis;

	private @Nullable String testName;

	private @Nullable String score;

	private @Nullable String testDate;

	@Override
	public void check(FieldChecks check, StepContext context) {
		if (check.oneOf("basis", this.basis, BASES) && "TEST".equals(this.basis)) {
			check.text("testName", this.testName, true, 100);
			check.text("score", this.score, true, 20);
			check.date("testDate", this.testDate, context.today().minusYears(5), context.today());
		}
	}

	@Override
	public void putInto(Answers answers) {
		answers.setLanguage(this);
	}

	public @Nullable String getBasis() {
		return this.basis;
	}

	public void setBasis(@Nullable String basis) {
		this.basis = basis;
	}

	public @Nullable String getTestName() {
		return this.testName;
	}

	public void setTestName(@Nullable String testName) {
		this.testName = testName;
	}

	public @Nullable String getScore() {
		return this.score;
	}

	public void setScore(@Nullable String score) {
		this.score = score;
	}

	public @Nullable String getTestDate() {
		return this.testDate;
	}

	public void setTestDate(@Nullable String testDate) {
		this.testDate = testDate;
	}

}
