package org.prospectus.applicant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An e-mail address, for a new link. */
public record EmailForm(
		@NotBlank(message = "{applicant.form.email.required}") @Email(message = "{applicant.form.email.invalid}") @Size(
				max = 254, message = "{applicant.form.too-long}") @Nullable String email) {

	/** The form as a page first shows it. */
	static EmailForm empty() {
		return new EmailForm(null);
	}

}
