package org.prospectus.applications;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.modulith.NamedInterface;

/**
 * Everything an applicant answers, one form per step (each owns its fields and checks,
 * see {@link StepForm}), and what spans steps: the name, the citizenships that decide the
 * fee, the programmes ranked. The whole object is the application's draft (JSON), and on
 * submission its snapshot; the JSON names the steps, never the form classes.
 */
@NamedInterface("api")
public class Answers {

	private PersonalForm personal = new PersonalForm();

	private ContactForm contact = new ContactForm();

	private CitizenshipForm citizenship = new CitizenshipForm();

	private EducationForm education = new EducationForm();

	private LanguageForm language = new LanguageForm();

	private ChoicesForm choices = new ChoicesForm();

	private StatementForm statement = new StatementForm();

	/** The answers of one step that is a form. */
	@JsonIgnore
	public StepForm step(Step step) {
		return step.answersIn(this);
	}

	/** The programme ids chosen, best first. */
	@JsonIgnore
	List<Long> rankedProgrammeIds() {
		return this.choices.programmeIds();
	}

	@JsonIgnore
	String fullName() {
		return (this.personal.getGivenNames() + " " + this.personal.getFamilyName()).strip();
	}

	/** The citizenships given, upper-case. */
	@JsonIgnore
	List<String> citizenships() {
		return this.citizenship.countries();
	}

	/**
	 * Whether the applicant is exempt from fees by citizenship, as the institution says.
	 */
	boolean exemptBy(Set<String> exemptCountries) {
		return citizenships().stream().anyMatch(exemptCountries::contains);
	}

	public PersonalForm getPersonal() {
		return this.personal;
	}

	public void setPersonal(PersonalForm personal) {
		this.personal = personal;
	}

	public ContactForm getContact() {
		return this.contact;
	}

	public void setContact(ContactForm contact) {
		this.contact = contact;
	}

	public CitizenshipForm getCitizenship() {
		return this.citizenship;
	}

	public void setCitizenship(CitizenshipForm citizenship) {
		this.citizenship = citizenship;
	}

	public EducationForm getEducation() {
		return this.education;
	}

	public void setEducation(EducationForm education) {
		this.education = education;
	}

	public LanguageForm getLanguage() {
		return this.language;
	}

	public void setLanguage(LanguageForm language) {
		this.language = language;
	}

	public ChoicesForm getChoices() {
		return this.choices;
	}

	public void setChoices(ChoicesForm choices) {
		this.choices = choices;
	}

	public StatementForm getStatement() {
		return this.statement;
	}

	public void setStatement(StatementForm statement) {
		this.statement = statement;
	}

}
