package org.prospectus.applications;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

/** Personal details. */
public final class PersonalForm implements StepForm {

	private @Nullable String givenNames;

	private @Nullable String familyName;

	private @Nullable String dateOfBirth;

	@Override
	public void check(FieldChecks check, StepContext context) {
		check.text("givenNames", this.givenNames, true, 100);
		check.text("familyName", this.familyName, true, 100);
		check.date("dateOfBirth", this.dateOfBirth, context.today().minusYears(100), context.today().minusYears(14));
	}

	@Override
	public void putInto(Answers answers) {
		answers.setPersonal(this);
	}

	public @Nullable String getGivenNames() {
		return this.givenNames;
	}

	public void setGivenNames(@Nullable String givenNames) {
		this.givenNames = givenNames;
	}

	public @Nullable String getFamilyName() {
		return this.familyName;
	}

	public void setFamilyName(@Nullable String familyName) {
		this.familyName = familyName;
	}

	public @Nullable String getDateOfBirth() {
		return this.dateOfBirth;
	}

	public void setDateOfBirth(@Nullable String dateOfBirth) {
		this.dateOfBirth = dateOfBirth;
	}

}
