package org.prospectus.staging;

import org.springframework.modulith.NamedInterface;
import org.springframework.validation.Errors;

/**
 * Pending edits that no longer pass the checks, for example because a course they name
 * has gone; nothing was published.
 */
@NamedInterface("api")
public class InvalidRevisionException extends RuntimeException {

	private final transient Errors errors;

	public InvalidRevisionException(Errors errors) {
		super("The pending edits are not valid any more", null, false, false);
		this.errors = errors;
	}

	public Errors errors() {
		return this.errors;
	}

}
