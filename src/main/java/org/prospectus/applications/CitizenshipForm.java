package org.prospectus.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

/** Citizenship, which decides the fee status. */
public final class CitizenshipForm implements StepForm {

	private @Nullable String country;

	private @Nullable String secondCountry;

	@Override
	public void check(FieldChecks check, StepContext context) {
		check.citizenship("country", this.country, true);
		check.citizenship("secondCountry", this.secondCountry, false);
	}

	@Override
	public void putInto(Answers answers) {
		answers.setCitizenship(this);
	}

	/** The citizenships given, upper-case. */
	List<String> countries() {
		List<String> countries = new ArrayList<>();
		for (String value : new String[] { this.country, this.secondCountry }) {
			if (!FieldChecks.blank(value)) {
				countries.add(value.strip().toUpperCase(Locale.ROOT));
			}
		}
		return countries;
	}

	public @Nullable String getCountry() {
		return this.country;
	}

	public void setCountry(@Nullable String country) {
		this.country = country;
	}

	public @Nullable String getSecondCountry() {
		return this.secondCountry;
	}

	public void setSecondCountry(@Nullable String secondCountry) {
		this.secondCountry = secondCountry;
	}

}
