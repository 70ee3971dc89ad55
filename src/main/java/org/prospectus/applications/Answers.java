package org.prospectus.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.validation.Errors;

/**
 * Everything an applicant answers, step by step, kept as typed so that nothing is lost: a
 * step is saved as it is, and its checks only say what is missing or wrong. The whole
 * object is the application's draft (JSON), and on submission its snapshot.
 */
public class Answers {

	static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,25}");

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private Personal personal = new Personal();

	private Contact contact = new Contact();

	private Citizenship citizenship = new Citizenship();

	private Education education = new Education();

	private Language language = new Language();

	private Choices choices = new Choices();

	private Statement statement = new Statement();

	/** The form of one step. */
	@JsonIgnore
	public Object step(Step step) {
		return switch (step) {
			case PERSONAL -> this.personal;
			case CONTACT -> this.contact;
			case CITIZENSHIP -> this.citizenship;
			case EDUCATION -> this.education;
			case LANGUAGE -> this.language;
			case CHOICES -> this.choices;
			case STATEMENT -> this.statement;
			case DOCUMENTS -> null;
		};
	}

	/** Replaces one step's answers. */
	void put(Step step, Object form) {
		switch (step) {
			case PERSONAL -> this.personal = (Personal) form;
			case CONTACT -> this.contact = (Contact) form;
			case CITIZENSHIP -> this.citizenship = (Citizenship) form;
			case EDUCATION -> {
				// The empty form offered for one more entry is not an answer.
				this.education = (Education) form;
				this.education.entries.removeIf((entry) -> entry == null || entry.isBlank());
			}
			case LANGUAGE -> this.language = (Language) form;
			case CHOICES -> this.choices = (Choices) form;
			case STATEMENT -> this.statement = (Statement) form;
			case DOCUMENTS -> throw new IllegalArgumentException("Documents are uploaded, not typed");
		}
	}

	/** A fresh form for a step, to bind a request to. */
	static Object blank(Step step) {
		return switch (step) {
			case PERSONAL -> new Personal();
			case CONTACT -> new Contact();
			case CITIZENSHIP -> new Citizenship();
			case EDUCATION -> new Education();
			case LANGUAGE -> new Language();
			case CHOICES -> new Choices();
			case STATEMENT -> new Statement();
			case DOCUMENTS -> throw new IllegalArgumentException("Documents are uploaded, not typed");
		};
	}

	/** The fields a step's form accepts from a request, and nothing else. */
	static String[] allowedFields(Step step) {
		return switch (step) {
			case PERSONAL -> new String[] { "givenNames", "familyName", "dateOfBirth" };
			case CONTACT -> new String[] { "addressLine1", "addressLine2", "city", "postcode", "country", "phone" };
			case CITIZENSHIP -> new String[] { "country", "secondCountry" };
			case EDUCATION -> new String[] { "entries[*].institution", "entries[*].country", "entries[*].qualification",
					"entries[*].subject", "entries[*].grade", "entries[*].from", "entries[*].until" };
			case LANGUAGE -> new String[] { "basis", "testName", "score", "testDate" };
			case CHOICES -> new String[] { "ranked[*]" };
			case STATEMENT -> new String[] { "text" };
			case DOCUMENTS -> new String[0];
		};
	}

	/** Checks one step, each reason beside its field. */
	static void check(Step step, Object form, Errors errors, StepContext context) {
		Checks check = new Checks(errors);
		switch (step) {
			case PERSONAL -> {
				Personal p = (Personal) form;
				check.text("givenNames", p.givenNames, 100);
				check.text("familyName", p.familyName, 100);
				check.date("dateOfBirth", p.dateOfBirth, context.today().minusYears(100),
						context.today().minusYears(14));
			}
			case CONTACT -> {
				Contact c = (Contact) form;
				check.text("addressLine1", c.addressLine1, 200);
				check.optional("addressLine2", c.addressLine2, 200);
				check.text("city", c.city, 100);
				check.optional("postcode", c.postcode, 20);
				check.country("country", c.country, true);
				if (check.text("phone", c.phone, 30) != null && !PHONE.matcher(c.phone.strip()).matches()) {
					errors.rejectValue("phone", "application.check.phone");
				}
			}
			case CITIZENSHIP -> {
				Citizenship c = (Citizenship) form;
				check.country("country", c.country, true);
				check.country("secondCountry", c.secondCountry, false);
			}
			case EDUCATION -> {
				Education e = (Education) form;
				int filled = 0;
				for (int i = 0; i < e.entries.size(); i++) {
					EducationEntry entry = e.entries.get(i);
					if (entry == null || entry.isBlank()) {
						continue;
					}
					filled++;
					String prefix = "entries[" + i + "].";
					check.text(prefix + "institution", entry.institution, 200);
					check.country(prefix + "country", entry.country, true);
					check.text(prefix + "qualification", entry.qualification, 200);
					check.text(prefix + "subject", entry.subject, 200);
					check.text(prefix + "grade", entry.grade, 100);
					check.month(prefix + "from", entry.from, true);
					check.month(prefix + "until", entry.until, false);
				}
				if (filled == 0) {
					errors.reject("application.check.education.none");
				}
			}
			case LANGUAGE -> {
				Language l = (Language) form;
				if (check.choice("basis", l.basis, Set.of("TEST", "NATIVE", "STUDIES")) && "TEST".equals(l.basis)) {
					check.text("testName", l.testName, 100);
					check.text("score", l.score, 20);
					check.date("testDate", l.testDate, context.today().minusYears(5), context.today());
				}
			}
			case CHOICES -> {
				Choices c = (Choices) form;
				List<String> chosen = c.ranked.stream().filter((v) -> v != null && !v.isBlank()).toList();
				if (chosen.isEmpty()) {
					errors.reject("application.check.choices.none");
				}
				else if (chosen.size() > context.choiceLimit()) {
					errors.reject("application.check.choices.too-many", new Object[] { context.choiceLimit() }, null);
				}
				else if (chosen.stream().distinct().count() < chosen.size()) {
					errors.reject("application.check.choices.twice");
				}
				else if (chosen.stream().anyMatch((v) -> !context.programmes().containsKey(parse(v)))) {
					errors.reject("application.check.choices.unknown");
				}
			}
			case STATEMENT -> {
				Statement s = (Statement) form;
				String text = check.text("text", s.text, 8000);
				if (text != null && words(text) > Statement.MAX_WORDS) {
					errors.rejectValue("text", "application.check.statement.too-long",
							new Object[] { Statement.MAX_WORDS, words(text) }, null);
				}
			}
			case DOCUMENTS -> {
				// Checked against the stored documents by ApplicationService.
			}
		}
	}

	static long parse(String id) {
		try {
			return Long.parseLong(id.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	static int words(String text) {
		String stripped = text.strip();
		return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
	}

	/** The programme ids chosen, best first. */
	@JsonIgnore
	List<Long> rankedProgrammeIds() {
		return this.choices.ranked.stream().filter((v) -> v != null && !v.isBlank()).map(Answers::parse).toList();
	}

	@JsonIgnore
	String fullName() {
		return (this.personal.givenNames + " " + this.personal.familyName).strip();
	}

	/** The citizenships given, upper-case. */
	@JsonIgnore
	List<String> citizenships() {
		List<String> countries = new ArrayList<>();
		for (String value : new String[] { this.citizenship.country, this.citizenship.secondCountry }) {
			if (value != null && !value.isBlank()) {
				countries.add(value.strip().toUpperCase(Locale.ROOT));
			}
		}
		return countries;
	}

	/**
	 * Whether the applicant is exempt from fees by citizenship, as the institution says.
	 */
	boolean exemptBy(Set<String> exemptCountries) {
		return citizenships().stream().anyMatch(exemptCountries::contains);
	}

	static boolean isMonth(String value) {
		return value != null && MONTH.matcher(value.strip()).matches();
	}

	public Personal getPersonal() {
		return this.personal;
	}

	public void setPersonal(Personal personal) {
		this.personal = personal;
	}

	public Contact getContact() {
		return this.contact;
	}

	public void setContact(Contact contact) {
		this.contact = contact;
	}

	public Citizenship getCitizenship() {
		return this.citizenship;
	}

	public void setCitizenship(Citizenship citizenship) {
		this.citizenship = citizenship;
	}

	public Education getEducation() {
		return this.education;
	}

	public void setEducation(Education education) {
		this.education = education;
	}

	public Language getLanguage() {
		return this.language;
	}

	public void setLanguage(Language language) {
		this.language = language;
	}

	public Choices getChoices() {
		return this.choices;
	}

	public void setChoices(Choices choices) {
		this.choices = choices;
	}

	public Statement getStatement() {
		return this.statement;
	}

	public void setStatement(Statement statement) {
		this.statement = statement;
	}

	/** Personal details. */
	public static class Personal {

		private String givenNames;

		private String familyName;

		private String dateOfBirth;

		public String getGivenNames() {
			return this.givenNames;
		}

		public void setGivenNames(String givenNames) {
			this.givenNames = givenNames;
		}

		public String getFamilyName() {
			return this.familyName;
		}

		public void setFamilyName(String familyName) {
			this.familyName = familyName;
		}

		public String getDateOfBirth() {
			return this.dateOfBirth;
		}

		public void setDateOfBirth(String dateOfBirth) {
			this.dateOfBirth = dateOfBirth;
		}

	}

	/** Where the applicant can be reached. */
	public static class Contact {

		private String addressLine1;

		private String addressLine2;

		private String city;

		private String postcode;

		private String country;

		private String phone;

		public String getAddressLine1() {
			return this.addressLine1;
		}

		public void setAddressLine1(String addressLine1) {
			this.addressLine1 = addressLine1;
		}

		public String getAddressLine2() {
			return this.addressLine2;
		}

		public void setAddressLine2(String addressLine2) {
			this.addressLine2 = addressLine2;
		}

		public String getCity() {
			return this.city;
		}

		public void setCity(String city) {
			this.city = city;
		}

		public String getPostcode() {
			return this.postcode;
		}

		public void setPostcode(String postcode) {
			this.postcode = postcode;
		}

		public String getCountry() {
			return this.country;
		}

		public void setCountry(String country) {
			this.country = country;
		}

		public String getPhone() {
			return this.phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

	}

	/** Citizenship, which decides the fee status. */
	public static class Citizenship {

		private String country;

		private String secondCountry;

		public String getCountry() {
			return this.country;
		}

		public void setCountry(String country) {
			this.country = country;
		}

		public String getSecondCountry() {
			return this.secondCountry;
		}

		public void setSecondCountry(String secondCountry) {
			this.secondCountry = secondCountry;
		}

	}

	/** Education so far, most recent first. */
	public static class Education {

		static final int BLANK_ROWS = 1;

		static final int MAX_ENTRIES = 10;

		private List<EducationEntry> entries = new ArrayList<>();

		/** Adds an empty row, so that another can be added without script. */
		Education withBlankRow() {
			this.entries.removeIf((entry) -> entry == null || entry.isBlank());
			if (this.entries.size() < MAX_ENTRIES) {
				this.entries.add(new EducationEntry());
			}
			return this;
		}

		public List<EducationEntry> getEntries() {
			return this.entries;
		}

		public void setEntries(List<EducationEntry> entries) {
			this.entries = entries;
		}

	}

	/** One school, college or university attended. */
	public static class EducationEntry {

		private String institution;

		private String country;

		private String qualification;

		private String subject;

		private String grade;

		private String from;

		private String until;

		@JsonIgnore
		boolean isBlank() {
			return blank(this.institution) && blank(this.country) && blank(this.qualification) && blank(this.subject)
					&& blank(this.grade) && blank(this.from) && blank(this.until);
		}

		public String getInstitution() {
			return this.institution;
		}

		public void setInstitution(String institution) {
			this.institution = institution;
		}

		public String getCountry() {
			return this.country;
		}

		public void setCountry(String country) {
			this.country = country;
		}

		public String getQualification() {
			return this.qualification;
		}

		public void setQualification(String qualification) {
			this.qualification = qualification;
		}

		public String getSubject() {
			return this.subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

		public String getGrade() {
			return this.grade;
		}

		public void setGrade(String grade) {
			this.grade = grade;
		}

		public String getFrom() {
			return this.from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public String getUntil() {
			return this.until;
		}

		public void setUntil(String until) {
			this.until = until;
		}

	}

	/** How the applicant shows they can study in the language of instruction. */
	public static class Language {

		private String basis;

		private String testName;

		private String score;

		private String testDate;

		public String getBasis() {
			return this.basis;
		}

		public void setBasis(String basis) {
			this.basis = basis;
		}

		public String getTestName() {
			return this.testName;
		}

		public void setTestName(String testName) {
			this.testName = testName;
		}

		public String getScore() {
			return this.score;
		}

		public void setScore(String score) {
			this.score = score;
		}

		public String getTestDate() {
			return this.testDate;
		}

		public void setTestDate(String testDate) {
			this.testDate = testDate;
		}

	}

	/** The programmes applied to, best first: ids of the round's programmes. */
	public static class Choices {

		private List<String> ranked = new ArrayList<>();

		public List<String> getRanked() {
			return this.ranked;
		}

		public void setRanked(List<String> ranked) {
			this.ranked = ranked;
		}

	}

	/** Why the applicant applies. */
	public static class Statement {

		static final int MAX_WORDS = 1000;

		private String text;

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** Field checks that put their message beside the field. */
	private static final class Checks {

		private final Errors errors;

		Checks(Errors errors) {
			this.errors = errors;
		}

		String text(String field, String value, int max) {
			if (blank(value)) {
				this.errors.rejectValue(field, "application.check.required");
				return null;
			}
			return optional(field, value, max);
		}

		String optional(String field, String value, int max) {
			if (blank(value)) {
				return null;
			}
			if (value.strip().length() > max) {
				this.errors.rejectValue(field, "application.check.too-long", new Object[] { max }, null);
				return null;
			}
			return value.strip();
		}

		void country(String field, String value, boolean required) {
			if (blank(value)) {
				if (required) {
					this.errors.rejectValue(field, "application.check.country");
				}
				return;
			}
			if (!COUNTRIES.contains(value.strip().toUpperCase(Locale.ROOT))) {
				this.errors.rejectValue(field, "application.check.country");
			}
		}

		boolean choice(String field, String value, Set<String> allowed) {
			if (blank(value) || !allowed.contains(value.strip())) {
				this.errors.rejectValue(field, "application.check.choose");
				return false;
			}
			return true;
		}

		void date(String field, String value, java.time.LocalDate earliest, java.time.LocalDate latest) {
			if (blank(value)) {
				this.errors.rejectValue(field, "application.check.required");
				return;
			}
			try {
				java.time.LocalDate date = java.time.LocalDate.parse(value.strip());
				if (date.isBefore(earliest) || date.isAfter(latest)) {
					this.errors.rejectValue(field, "application.check.date.range",
							new Object[] { earliest.toString(), latest.toString() }, null);
				}
			}
			catch (java.time.format.DateTimeParseException ex) {
				this.errors.rejectValue(field, "application.check.date");
			}
		}

		void month(String field, String value, boolean required) {
			if (blank(value)) {
				if (required) {
					this.errors.rejectValue(field, "application.check.required");
				}
				return;
			}
			if (!isMonth(value)) {
				this.errors.rejectValue(field, "application.check.month");
			}
		}

	}

}
