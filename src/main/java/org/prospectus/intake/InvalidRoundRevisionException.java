package org.prospectus.intake;

import org.springframework.validation.Errors;

/**
 * A round's pending changes that no longer pass the checks, for example because a
 * programme they name was retired meanwhile; nothing was published.
 */
public class InvalidRoundRevisionException extends RuntimeException {

	private final transient Errors errors;

	InvalidRoundRevisionException(Errors errors) {
		super("The pending round changes are not valid any more", null, false, false);
		this.errors = errors;
	}

	public Errors errors() {
		return this.errors;
	}

}
