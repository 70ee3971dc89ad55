package org.prospectus.applicant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person types to register. The passwords never come back to the page. */
public class RegistrationForm {

	@NotBlank(message = "{applicant.form.name.required}")
	@Size(max = 200, message = "{applicant.form.too-long}")
	private String fullName;

	@NotBlank(message = "{applicant.form.email.required}")
	@Email(message = "{applicant.form.email.invalid}")
	@Size(max = 254, message = "{applicant.form.too-long}")
	private String email;

	private String password;

	private String confirmation;

	public String getFullName() {
		return this.fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getConfirmation() {
		return this.confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

}
