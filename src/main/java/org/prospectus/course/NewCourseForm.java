package org.prospectus.course;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

import org.springframework.validation.Errors;

/**
 * The form for a new course: its fields, plus what names it for good: the institution and
 * the code, which is the course's public address and unique across the portal.
 */
public class NewCourseForm extends CourseForm {

	static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,20}");

	private String institution;

	private String code;

	/** Checks the naming fields, each with its message beside it. */
	void checkIdentity(Errors errors) {
		if (institutionId() == null) {
			errors.rejectValue("institution", "check.choose");
		}
		new FieldChecks(errors).code("code", this.code, CODE, "course.form.code.pattern");
	}

	@Nullable Long institutionId() {
		try {
			return (this.institution != null) ? Long.valueOf(this.institution.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	String normalizedCode() {
		return this.code.strip().toUpperCase(Locale.ROOT);
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

}
