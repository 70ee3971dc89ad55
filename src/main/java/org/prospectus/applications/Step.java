package org.prospectus.applications;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/** The steps of an application, in the order they are filled in. */
@NamedInterface("api")
public enum Step {

	PERSONAL("personal", PersonalForm::new, Answers::getPersonal),
	CONTACT("contact", ContactForm::new, Answers::getContact),
	CITIZENSHIP("citizenship", CitizenshipForm::new, Answers::getCitizenship),
	EDUCATION("education", EducationForm::new, Answers::getEducation),
	LANGUAGE("language", LanguageForm::new, Answers::getLanguage),
	CHOICES("choices", ChoicesForm::new, Answers::getChoices),
	STATEMENT("statement", StatementForm::new, Answers::getStatement),
	/**
	 * Uploaded files rather than typed answers: its page is /applications/{id}/documents,
	 * and its checks come from the documents stored.
	 */
	DOCUMENTS("documents", null, null);

	private final String slug;

	private final @Nullable Supplier<StepForm> blank;

	private final @Nullable Function<Answers, StepForm> answers;

	Step(String slug, @Nullable Supplier<StepForm> blank, @Nullable Function<Answers, StepForm> answers) {
		this.slug = slug;
		this.blank = blank;
		this.answers = answers;
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

	/** A fresh form for the step, to bind a request to. */
	StepForm blankForm() {
		if (this.blank == null) {
			throw new IllegalStateException("Documents are uploaded, not typed");
		}
		return this.blank.get();
	}

	/** The step's form among the answers. */
	StepForm answersIn(Answers answers) {
		if (this.answers == null) {
			throw new IllegalStateException("Documents are uploaded, not typed");
		}
		return this.answers.apply(answers);
	}

	public static Optional<Step> ofSlug(String slug) {
		return Arrays.stream(values()).filter((step) -> step.slug.equals(slug)).findFirst();
	}

	/** The step after this one, if any. */
	public Optional<Step> next() {
		return (ordinal() + 1 < values().length) ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

}
