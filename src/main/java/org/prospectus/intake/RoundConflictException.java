package org.prospectus.intake;

/**
 * Someone else saved the round after this edit started: nothing was written, and the form
 * built from what is saved now goes back to the person beside what they typed.
 */
public class RoundConflictException extends RuntimeException {

	private final RoundForm saved;

	RoundConflictException(RoundForm saved) {
		super("The round was changed by someone else", null, false, false);
		this.saved = saved;
	}

	public RoundForm saved() {
		return this.saved;
	}

}
