package org.prospectus.applicant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An e-mail address, for a new link. */
public class EmailForm {

	@NotBlank(message = "{applicant.form.email.required}")
	@Email(message = "{applicant.form.email.invalid}")
	@Size(max = 254, message = "{applicant.form.too-long}")
	private String email;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

}
