package org.prospectus.applications;

import java.util.function.Consumer;

import org.prospectus.support.FieldChecks;
import org.prospectus.web.FormFields;

/**
 * The typed answers of one step of the application, kept as typed so that nothing is
 * lost: a step is saved as it is, and its checks only say what is missing or wrong. Each
 * step's form names the fields it accepts from a request and owns its checks;
 * {@link Answers} holds one of each.
 */
public sealed interface StepForm
		permits PersonalForm, ContactForm, CitizenshipForm, EducationForm, LanguageForm, ChoicesForm, StatementForm {

	/** The fields the form accepts from a request, and nothing else: its own. */
	default String[] allowedFields() {
		return FormFields.of(getClass());
	}

	/** Checks the answers, each reason beside its field. */
	void check(FieldChecks check, StepContext context);

	/** Sets this form as its step's answers. */
	void putInto(Answers answers);

	/** Runs the action when the form has a row of its own to add (only education has). */
	default void ifRows(Consumer<EducationForm> action) {
	}

}
