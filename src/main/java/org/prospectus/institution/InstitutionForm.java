package org.prospectus.institution;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import org.prospectus.support.FieldChecks;
import org.prospectus.support.Money;
import org.prospectus.web.Translated;
import org.prospectus.web.TranslatedFields;

import org.springframework.validation.Errors;

/**
 * The institution form. Text stays as typed; the zone and currency are checked against
 * the IANA and ISO 4217 lists with a message beside the field.
 */
public class InstitutionForm {

	static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private long version;

	@NotBlank(message = "{institution.form.slug.required}")
	// Empty passes the pattern, so that a missing value gets only the "required" message.
	@Pattern(regexp = "([a-z0-9]+(-[a-z0-9]+)*)?", message = "{institution.form.slug.pattern}")
	@Size(max = 80, message = "{institution.form.slug.too-long}")
	private String slug;

	@NotBlank(message = "{institution.form.name.required}")
	@Size(max = 200, message = "{institution.form.too-long}")
	private String name;

	@Size(max = 40, message = "{institution.form.too-long}")
	private String shortName;

	@NotBlank(message = "{institution.form.country.required}")
	@Pattern(regexp = "([A-Za-z]{2})?", message = "{institution.form.country.pattern}")
	private String countryCode;

	@Size(max = 120, message = "{institution.form.too-long}")
	private String city;

	@Size(max = 2000, message = "{institution.form.too-long}")
	private String campuses;

	@Size(max = 200, message = "{institution.form.too-long}")
	private String awardingBody;

	@Size(max = 2000, message = "{institution.form.too-long}")
	private String regulatorNote;

	@Size(max = 300, message = "{institution.form.too-long}")
	@Pattern(regexp = "(https?://\\S+)?", message = "{institution.form.website.pattern}")
	private String website;

	@NotBlank(message = "{institution.form.zone.required}")
	private String timeZone;

	@NotBlank(message = "{institution.form.currency.required}")
	private String currency;

	/** The language the catalogue is written in: one the portal offers. */
	private String mainLanguage = "en";

	/** The standard conditions of an offer, one per line. */
	private String offerConditions;

	/** Refusal reasons, one per line, each "reason | what to do next". */
	private String refusalReasons;

	@Size(max = 200, message = "{institution.form.too-long}")
	private String letterSignatory;

	@Size(max = 1000, message = "{institution.form.too-long}")
	private String letterClosing;

	/**
	 * The full name, awarding body, regulator note, letter closing and payment
	 * instructions in other languages, {@code sv:name}, as typed (ADR 0036).
	 */
	private Map<String, String> translations = new LinkedHashMap<>();

	/**
	 * The texts an institution may have in several languages, checked like their fields.
	 */
	static final TranslatedFields TRANSLATED = new TranslatedFields(translatedLengths(),
			Map.of("name", "institution.form.name", "awardingBody", "institution.form.awarding-body", "regulatorNote",
					"institution.form.regulator-note", "letterClosing", "institution.form.letter-closing",
					"paymentInstructions", "institution.form.payment-instructions"));

	/** The citizenships that pay no application fee: country codes, such as SE FI DE. */
	private String feeExemptCountries;

	/** The application fee as typed, in the institution's currency; blank for none. */
	private String applicationFeeAmount;

	@Size(max = 2000, message = "{institution.form.too-long}")
	private String paymentInstructions;

	private boolean feeReceiptCheckBeforeSubmit;

	@Size(max = 254, message = "{institution.form.too-long}")
	@Email(message = "{institution.form.email.pattern}")
	private String admissionsEmail;

	@Size(max = 40, message = "{institution.form.too-long}")
	private String admissionsPhone;

	@Size(max = 500, message = "{institution.form.too-long}")
	private String postalAddress;

	@Size(max = 254, message = "{institution.form.too-long}")
	@Email(message = "{institution.form.email.pattern}")
	private String privacyContact;

	// Months, as typed; checked as whole numbers beside their fields (ADR 0019).
	private String retentionDraftMonths = String.valueOf(Institution.DEFAULT_DRAFT_MONTHS);

	private String retentionUnsuccessfulMonths = String.valueOf(Institution.DEFAULT_UNSUCCESSFUL_MONTHS);

	private String retentionAdmittedMonths = String.valueOf(Institution.DEFAULT_ADMITTED_MONTHS);

	public static InstitutionForm of(Institution institution) {
		InstitutionForm form = new InstitutionForm();
		form.version = institution.getVersion();
		form.slug = institution.getSlug();
		form.name = institution.getName();
		form.shortName = institution.getShortName();
		form.countryCode = institution.getCountryCode();
		form.city = institution.getCity();
		form.campuses = String.join("\n", institution.getCampuses());
		form.awardingBody = institution.getAwardingBody();
		form.regulatorNote = institution.getRegulatorNote();
		form.website = institution.getWebsite();
		form.timeZone = institution.getZone().getId();
		form.currency = institution.getCurrency().getCurrencyCode();
		form.mainLanguage = institution.getMainLanguage();
		form.feeExemptCountries = String.join(" ", institution.getFeeExemptCountries());
		form.applicationFeeAmount = (institution.getApplicationFee() != null)
				? FieldChecks.plain(institution.getApplicationFee().amount()) : null;
		form.paymentInstructions = institution.getPaymentInstructions();
		form.feeReceiptCheckBeforeSubmit = institution.isFeeReceiptCheckBeforeSubmit();
		form.offerConditions = String.join("\n", institution.getOfferConditions());
		form.refusalReasons = String.join("\n", institution.getRefusalReasons());
		form.letterSignatory = institution.getLetterSignatory();
		form.letterClosing = institution.getLetterClosing();
		form.translations = Translated.flat(institution.translations());
		form.admissionsEmail = institution.getAdmissionsEmail();
		form.admissionsPhone = institution.getAdmissionsPhone();
		form.postalAddress = institution.getPostalAddress();
		form.privacyContact = institution.getPrivacyContact();
		form.retentionDraftMonths = String.valueOf(institution.getRetentionDraftMonths());
		form.retentionUnsuccessfulMonths = String.valueOf(institution.getRetentionUnsuccessfulMonths());
		form.retentionAdmittedMonths = String.valueOf(institution.getRetentionAdmittedMonths());
		return form;
	}

	/** Every IANA zone id, sorted, for the form's suggestions. */
	public static List<String> sortedZones() {
		return ZONES.stream().filter((id) -> id.contains("/") && !id.startsWith("Etc/")).sorted().toList();
	}

	/**
	 * Checks what Bean Validation cannot: that the zone and currency exist, that the main
	 * language is one the portal offers, and each translation like its field.
	 */
	void validateCodes(Errors errors, List<Locale> offered) {
		if (this.mainLanguage == null
				|| offered.stream().noneMatch((language) -> language.toLanguageTag().equals(this.mainLanguage))) {
			errors.rejectValue("mainLanguage", "institution.form.main-language.unknown");
		}
		if (!errors.hasFieldErrors("timeZone") && zone() == null) {
			errors.rejectValue("timeZone", "institution.form.zone.unknown");
		}
		if (!errors.hasFieldErrors("currency") && currencyOrNull() == null) {
			errors.rejectValue("currency", "institution.form.currency.unknown");
		}
		List<String> exempt = feeExemptCountryList();
		if (exempt.size() > 250 || !FieldChecks.COUNTRIES.containsAll(exempt)) {
			errors.rejectValue("feeExemptCountries", "institution.form.fee-exempt.unknown");
		}
		if (!errors.hasFieldErrors("currency") && currencyOrNull() != null) {
			new FieldChecks(errors).money("applicationFeeAmount", this.applicationFeeAmount, "currency", this.currency);
		}
		List<String> conditions = lines(this.offerConditions);
		if (conditions.size() > MAX_OFFER_CONDITIONS) {
			errors.rejectValue("offerConditions", "institution.form.offer-conditions.too-many",
					new Object[] { MAX_OFFER_CONDITIONS }, null);
		}
		else if (conditions.stream().anyMatch((line) -> line.length() > MAX_CONDITION_LENGTH)) {
			errors.rejectValue("offerConditions", "institution.form.offer-conditions.too-long",
					new Object[] { MAX_CONDITION_LENGTH }, null);
		}
		List<String> reasons = lines(this.refusalReasons);
		if (reasons.size() > MAX_OFFER_CONDITIONS) {
			errors.rejectValue("refusalReasons", "institution.form.refusal-reasons.too-many",
					new Object[] { MAX_OFFER_CONDITIONS }, null);
		}
		else if (reasons.stream()
			.map(RefusalReason::parse)
			.anyMatch((reason) -> reason.reason().length() > 500 || reason.advice().length() > 1000)) {
			errors.rejectValue("refusalReasons", "institution.form.refusal-reasons.too-long");
		}
		TRANSLATED.check(this.translations, errors, "institution.form.translation.unknown");
		FieldChecks check = new FieldChecks(errors);
		for (String field : RETENTION_FIELDS) {
			check.whole(field, retention(field), 1, 120, true);
		}
	}

	/** The longest each translated text may be: as long as its field. */
	private static Map<String, Integer> translatedLengths() {
		Map<String, Integer> lengths = new LinkedHashMap<>();
		lengths.put("name", 200);
		lengths.put("awardingBody", 200);
		lengths.put("regulatorNote", 2000);
		lengths.put("letterClosing", 1000);
		lengths.put("paymentInstructions", 2000);
		return lengths;
	}

	/** How many of its texts have no translation into a language yet. */
	public int untranslated(String language) {
		return TRANSLATED.untranslated(this.translations, language, this::mainText);
	}

	private @Nullable String mainText(String field) {
		return switch (field) {
			case "name" -> this.name;
			case "awardingBody" -> this.awardingBody;
			case "regulatorNote" -> this.regulatorNote;
			case "letterClosing" -> this.letterClosing;
			default -> this.paymentInstructions;
		};
	}

	/**
	 * Each translation as the diff and the audit log name it:
	 * {@code institution.form.name@sv}.
	 */
	Map<String, String> describeTranslations() {
		Map<String, String> fields = new LinkedHashMap<>();
		TRANSLATED.describe(this.translations, fields);
		return fields;
	}

	public static final List<String> RETENTION_FIELDS = List.of("retentionDraftMonths", "retentionUnsuccessfulMonths",
			"retentionAdmittedMonths");

	private @Nullable String retention(String field) {
		return switch (field) {
			case "retentionDraftMonths" -> this.retentionDraftMonths;
			case "retentionUnsuccessfulMonths" -> this.retentionUnsuccessfulMonths;
			default -> this.retentionAdmittedMonths;
		};
	}

	/** The exempt citizenships typed, upper-case, each once, in the order typed. */
	List<String> feeExemptCountryList() {
		return FieldChecks.codeList(this.feeExemptCountries);
	}

	@Nullable ZoneId zone() {
		String id = (this.timeZone != null) ? this.timeZone.strip() : "";
		if (!ZONES.contains(id)) {
			return null;
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	@Nullable Currency currencyOrNull() {
		try {
			return Currency.getInstance(this.currency.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	/** Writes the form onto an institution; call only after validation passed. */
	void applyTo(Institution institution) {
		institution.describe(this.slug.strip(), this.name.strip(), this.countryCode.strip().toUpperCase(Locale.ROOT),
				zone(), currencyOrNull());
		institution.setMainLanguage(this.mainLanguage);
		institution.setShortName(blankToNull(this.shortName));
		institution.setCity(blankToNull(this.city));
		institution.setCampuses(campusList());
		institution.setAwardingBody(blankToNull(this.awardingBody));
		institution.setRegulatorNote(blankToNull(this.regulatorNote));
		institution.setWebsite(blankToNull(this.website));
		institution.setFeeExemptCountries(feeExemptCountryList());
		institution.setApplicationFee(applicationFee(),
				blankToNull(FieldChecks.typedText((this.paymentInstructions != null) ? this.paymentInstructions : "")),
				this.feeReceiptCheckBeforeSubmit);
		institution.setOfferConditions(lines(this.offerConditions).stream().distinct().toList());
		institution.setRefusalReasons(lines(this.refusalReasons).stream().distinct().toList());
		institution.setLetter(blankToNull(this.letterSignatory), blankToNull(this.letterClosing));
		Map<String, String> typed = new LinkedHashMap<>();
		this.translations.forEach((key, text) -> typed.put(key, (text != null) ? FieldChecks.typedText(text) : null));
		institution.setTranslations(Translated.nested(typed));
		institution.setContacts(blankToNull(this.admissionsEmail), blankToNull(this.admissionsPhone),
				blankToNull(this.postalAddress), blankToNull(this.privacyContact));
		institution.setRetention(Integer.parseInt(this.retentionDraftMonths.strip()),
				Integer.parseInt(this.retentionUnsuccessfulMonths.strip()),
				Integer.parseInt(this.retentionAdmittedMonths.strip()));
	}

	/** The fee typed, in the institution's currency; {@code null} when blank. */
	@Nullable Money applicationFee() {
		if (FieldChecks.blank(this.applicationFeeAmount)) {
			return null;
		}
		return new Money(new BigDecimal(this.applicationFeeAmount.strip().replace(" ", "").replace(',', '.')),
				currencyOrNull().getCurrencyCode());
	}

	/** The most standard conditions an institution keeps. */
	public static final int MAX_OFFER_CONDITIONS = 30;

	/** The longest a condition may be, as the offer stores it. */
	public static final int MAX_CONDITION_LENGTH = 500;

	/** The lines of a text area that are not blank, stripped. */
	static List<String> lines(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	List<String> campusList() {
		return lines(this.campuses);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Map<String, String> getTranslations() {
		return this.translations;
	}

	public void setTranslations(Map<String, String> translations) {
		this.translations = translations;
	}

	public String getShortName() {
		return this.shortName;
	}

	public void setShortName(String shortName) {
		this.shortName = shortName;
	}

	public String getCountryCode() {
		return this.countryCode;
	}

	public void setCountryCode(String countryCode) {
		this.countryCode = countryCode;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getCampuses() {
		return this.campuses;
	}

	public void setCampuses(String campuses) {
		this.campuses = campuses;
	}

	public String getAwardingBody() {
		return this.awardingBody;
	}

	public void setAwardingBody(String awardingBody) {
		this.awardingBody = awardingBody;
	}

	public String getRegulatorNote() {
		return this.regulatorNote;
	}

	public void setRegulatorNote(String regulatorNote) {
		this.regulatorNote = regulatorNote;
	}

	public String getWebsite() {
		return this.website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public String getRefusalReasons() {
		return this.refusalReasons;
	}

	public void setRefusalReasons(String refusalReasons) {
		this.refusalReasons = refusalReasons;
	}

	public String getLetterSignatory() {
		return this.letterSignatory;
	}

	public void setLetterSignatory(String letterSignatory) {
		this.letterSignatory = letterSignatory;
	}

	public String getLetterClosing() {
		return this.letterClosing;
	}

	public void setLetterClosing(String letterClosing) {
		this.letterClosing = letterClosing;
	}

	public String getOfferConditions() {
		return this.offerConditions;
	}

	public void setOfferConditions(String offerConditions) {
		this.offerConditions = offerConditions;
	}

	public String getFeeExemptCountries() {
		return this.feeExemptCountries;
	}

	public void setFeeExemptCountries(String feeExemptCountries) {
		this.feeExemptCountries = feeExemptCountries;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public String getMainLanguage() {
		return this.mainLanguage;
	}

	public void setMainLanguage(String mainLanguage) {
		this.mainLanguage = mainLanguage;
	}

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getApplicationFeeAmount() {
		return this.applicationFeeAmount;
	}

	public void setApplicationFeeAmount(String applicationFeeAmount) {
		this.applicationFeeAmount = applicationFeeAmount;
	}

	public String getPaymentInstructions() {
		return this.paymentInstructions;
	}

	public void setPaymentInstructions(String paymentInstructions) {
		this.paymentInstructions = paymentInstructions;
	}

	public boolean isFeeReceiptCheckBeforeSubmit() {
		return this.feeReceiptCheckBeforeSubmit;
	}

	public void setFeeReceiptCheckBeforeSubmit(boolean feeReceiptCheckBeforeSubmit) {
		this.feeReceiptCheckBeforeSubmit = feeReceiptCheckBeforeSubmit;
	}

	public String getAdmissionsEmail() {
		return this.admissionsEmail;
	}

	public void setAdmissionsEmail(String admissionsEmail) {
		this.admissionsEmail = admissionsEmail;
	}

	public String getAdmissionsPhone() {
		return this.admissionsPhone;
	}

	public void setAdmissionsPhone(String admissionsPhone) {
		this.admissionsPhone = admissionsPhone;
	}

	public String getPostalAddress() {
		return this.postalAddress;
	}

	public void setPostalAddress(String postalAddress) {
		this.postalAddress = postalAddress;
	}

	public String getPrivacyContact() {
		return this.privacyContact;
	}

	public void setPrivacyContact(String privacyContact) {
		this.privacyContact = privacyContact;
	}

	public String getRetentionDraftMonths() {
		return this.retentionDraftMonths;
	}

	public void setRetentionDraftMonths(String retentionDraftMonths) {
		this.retentionDraftMonths = retentionDraftMonths;
	}

	public String getRetentionUnsuccessfulMonths() {
		return this.retentionUnsuccessfulMonths;
	}

	public void setRetentionUnsuccessfulMonths(String retentionUnsuccessfulMonths) {
		this.retentionUnsuccessfulMonths = retentionUnsuccessfulMonths;
	}

	public String getRetentionAdmittedMonths() {
		return this.retentionAdmittedMonths;
	}

	public void setRetentionAdmittedMonths(String retentionAdmittedMonths) {
		this.retentionAdmittedMonths = retentionAdmittedMonths;
	}

}
