package org.prospectus.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.modulith.NamedInterface;

/**
 * A new password with its single-use link: staff setting theirs, applicants resetting
 * theirs. The password is never sent back to the browser, not even when the page shows an
 * error.
 */
@NamedInterface("api")
public class SetPasswordForm {

	private String token;

	@NotBlank(message = "{password.required}")
	@Size(max = PasswordPolicy.MAX_LENGTH * 2, message = "{password.too-long}")
	private String password;

	@NotBlank(message = "{password.confirmation.required}")
	private String confirmation;

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
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
