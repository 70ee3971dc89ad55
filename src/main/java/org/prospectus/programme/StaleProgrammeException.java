package org.prospectus.programme;

/** The programme changed after the page that asked for this change was shown. */
public class StaleProgrammeException extends RuntimeException {

	private final Programme saved;

	StaleProgrammeException(Programme saved) {
		super("The programme was changed by someone else", null, false, false);
		this.saved = saved;
	}

	public Programme saved() {
		return this.saved;
	}

}
