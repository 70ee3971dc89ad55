package org.prospectus.programme;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The form for a new programme: its content, plus what names it for good: the
 * institution, the code and the slug of its address.
 */
public class NewProgrammeForm extends ProgrammeForm {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");

	private String institution;

	private String code;

	private String slug;

	/** Checks the naming fields, each with its message beside it. */
	void checkIdentity(Errors errors) {
		if (institutionId() == null) {
			errors.rejectValue("institution", "check.choose");
		}
		if (this.code == null || this.code.isBlank()) {
			errors.rejectValue("code", "check.required");
		}
		else if (!CODE.matcher(this.code.strip()).matches()) {
			errors.rejectValue("code", "programme.form.code.pattern");
		}
		if (this.slug == null || this.slug.isBlank()) {
			errors.rejectValue("slug", "check.required");
		}
		else if (this.slug.strip().length() > 120 || !SLUG.matcher(this.slug.strip()).matches()) {
			errors.rejectValue("slug", "programme.form.slug.pattern");
		}
	}

	@Nullable Long institutionId() {
		try {
			return (this.institution != null) ? Long.valueOf(this.institution.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	public String getInstitution() {
		return this.institution;
	}

	public void setInstitution(String institution) {
		this.institution = institution;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

}
