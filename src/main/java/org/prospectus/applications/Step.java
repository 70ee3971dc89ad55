package org.prospectus.applications;

import java.util.Arrays;
import java.util.Optional;

/** The steps of an application, in the order they are filled in. */
public enum Step {

	PERSONAL("personal"), CONTACT("contact"), CITIZENSHIP("citizenship"), EDUCATION("education"), LANGUAGE("language"),
	CHOICES("choices"), STATEMENT("statement"),
	/**
	 * Uploaded files rather than typed answers: its page is /applications/{id}/documents,
	 * and its checks come from the documents stored.
	 */
	DOCUMENTS("documents");

	private final String slug;

	Step(String slug) {
		this.slug = slug;
	}

	/** The step's part of the address, as in /applications/{id}/steps/personal. */
	public String slug() {
		return this.slug;
	}

	public String messageKey() {
		return "application.step." + this.slug;
	}

	/** Whether the step is a form of typed answers, kept in the draft's JSON. */
	public boolean isForm() {
		return this != DOCUMENTS;
	}

	public static Optional<Step> ofSlug(String slug) {
		return Arrays.stream(values()).filter((step) -> step.slug.equals(slug)).findFirst();
	}

	/** The step after this one, if any. */
	public Optional<Step> next() {
		return (ordinal() + 1 < values().length) ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

}
