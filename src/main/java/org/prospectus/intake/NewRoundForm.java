package org.prospectus.intake;

import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * The form for a new round: its fields, plus the institution it belongs to (chosen on the
 * step before, so the times can be read in its zone) and the slug that names it for good.
 */
public class NewRoundForm extends RoundForm {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private String slug;

	void checkSlug(Errors errors) {
		if (this.slug == null || this.slug.isBlank()) {
			errors.rejectValue("slug", "round.form.slug.required");
		}
		else if (this.slug.strip().length() > 120 || !SLUG.matcher(this.slug.strip()).matches()) {
			errors.rejectValue("slug", "round.form.slug.pattern");
		}
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

}
