package org.prospectus.institution;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.prospectus.support.BaseEntity;
import org.prospectus.support.Money;
import org.prospectus.web.Translated;

import org.springframework.modulith.NamedInterface;

/**
 * A university or college. Its time zone is the one its deadlines are defined in. Its own
 * texts are written in its main language and may be translated (ADR 0036); its short name
 * is a name, such as KTH, and is not.
 */
@Entity
@NamedInterface("api")
public class Institution extends BaseEntity implements Translated {

	private String slug;

	private String name;

	private String shortName;

	private String countryCode;

	private String city;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> campuses = new ArrayList<>();

	/** Citizens of these countries (ISO 3166 codes) pay no application fee. */
	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> feeExemptCountries = new ArrayList<>();

	/** The conditions its admissions officers choose from when they make an offer. */
	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> offerConditions = new ArrayList<>();

	/** Refusal reasons, each "reason | what the applicant can do next". */
	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> refusalReasons = new ArrayList<>();

	private String letterSignatory;

	private String letterClosing;

	private String awardingBody;

	private String regulatorNote;

	private String website;

	private String timeZone;

	/** The language its editors write its catalogue in, a BCP 47 tag. */
	private String mainLanguage = "en";

	private String currency;

	/** Its own texts in other languages: language, then field (ADR 0036). */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

	private String admissionsEmail;

	private String admissionsPhone;

	private String postalAddress;

	/** Where applicants write about their personal data: the data protection officer. */
	private String privacyContact;

	/**
	 * What an application to this institution's rounds is charged when a programme ranked
	 * charges a fee, in the institution's currency; {@code null} when it names none.
	 */
	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "application_fee_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "application_fee_currency"))
	private @Nullable Money applicationFee;

	/** How to pay the application fee, as plain text shown to applicants. */
	private @Nullable String paymentInstructions;

	/** Whether submitting waits until staff have checked the fee receipt (ADR 0026). */
	private boolean feeReceiptCheckBeforeSubmit;

	/** The retention periods in months that V21 gives an institution that sets none. */
	public static final int DEFAULT_DRAFT_MONTHS = 6;

	public static final int DEFAULT_UNSUCCESSFUL_MONTHS = 12;

	public static final int DEFAULT_ADMITTED_MONTHS = 24;

	/** Months a draft is kept after its last change (ADR 0019). */
	private int retentionDraftMonths = DEFAULT_DRAFT_MONTHS;

	/**
	 * Months an application that was not admitted or was withdrawn is kept after its
	 * round's start of studies.
	 */
	private int retentionUnsuccessfulMonths = DEFAULT_UNSUCCESSFUL_MONTHS;

	/** Months an admitted applicant's application is kept after the start of studies. */
	private int retentionAdmittedMonths = DEFAULT_ADMITTED_MONTHS;

	protected Institution() {
	}

	public Institution(String slug, String name, String countryCode, ZoneId timeZone, Currency currency) {
		this.slug = slug;
		this.name = name;
		this.countryCode = countryCode;
		this.timeZone = timeZone.getId();
		this.currency = currency.getCurrencyCode();
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	/**
	 * Identity and place: what the institution is called and where its deadlines are set.
	 */
	public void describe(String slug, String name, String countryCode, ZoneId timeZone, Currency currency) {
		this.slug = slug;
		this.name = name;
		this.countryCode = countryCode;
		this.timeZone = timeZone.getId();
		this.currency = currency.getCurrencyCode();
	}

	public String getShortName() {
		return this.shortName;
	}

	public void setShortName(String shortName) {
		this.shortName = shortName;
	}

	/** The short name where there is one, else the full name. */
	public String getDisplayName() {
		return (this.shortName != null) ? this.shortName : this.name;
	}

	public String getCountryCode() {
		return this.countryCode;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public List<String> getCampuses() {
		return List.copyOf(this.campuses);
	}

	public List<String> getFeeExemptCountries() {
		return List.copyOf(this.feeExemptCountries);
	}

	public void setFeeExemptCountries(List<String> countries) {
		this.feeExemptCountries = new ArrayList<>(countries);
	}

	public void setCampuses(List<String> campuses) {
		this.campuses = new ArrayList<>(campuses);
	}

	public List<String> getRefusalReasons() {
		return List.copyOf(this.refusalReasons);
	}

	public void setRefusalReasons(List<String> reasons) {
		this.refusalReasons = new ArrayList<>(reasons);
	}

	/** Who signs the decision letters: a name and a role, or an office. */
	public String getLetterSignatory() {
		return this.letterSignatory;
	}

	/** The letters' last paragraph, such as who to ask. */
	public String getLetterClosing() {
		return this.letterClosing;
	}

	public void setLetter(String signatory, String closing) {
		this.letterSignatory = signatory;
		this.letterClosing = closing;
	}

	public List<String> getOfferConditions() {
		return List.copyOf(this.offerConditions);
	}

	public void setOfferConditions(List<String> conditions) {
		this.offerConditions = new ArrayList<>(conditions);
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

	public @Nullable String getAdmissionsEmail() {
		return this.admissionsEmail;
	}

	public @Nullable String getAdmissionsPhone() {
		return this.admissionsPhone;
	}

	public @Nullable String getPostalAddress() {
		return this.postalAddress;
	}

	public @Nullable String getPrivacyContact() {
		return this.privacyContact;
	}

	/** Whether the contact page has anything of the institution's own to say. */
	public boolean hasAdmissionsContact() {
		return this.admissionsEmail != null || this.admissionsPhone != null || this.postalAddress != null;
	}

	public void setContacts(@Nullable String admissionsEmail, @Nullable String admissionsPhone,
			@Nullable String postalAddress, @Nullable String privacyContact) {
		this.admissionsEmail = admissionsEmail;
		this.admissionsPhone = admissionsPhone;
		this.postalAddress = postalAddress;
		this.privacyContact = privacyContact;
	}

	public int getRetentionDraftMonths() {
		return this.retentionDraftMonths;
	}

	public int getRetentionUnsuccessfulMonths() {
		return this.retentionUnsuccessfulMonths;
	}

	public int getRetentionAdmittedMonths() {
		return this.retentionAdmittedMonths;
	}

	public void setRetention(int draftMonths, int unsuccessfulMonths, int admittedMonths) {
		this.retentionDraftMonths = draftMonths;
		this.retentionUnsuccessfulMonths = unsuccessfulMonths;
		this.retentionAdmittedMonths = admittedMonths;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public ZoneId getZone() {
		return ZoneId.of(this.timeZone);
	}

	/** The language its catalogue is written in, a BCP 47 tag such as {@code sv}. */
	public String getMainLanguage() {
		return this.mainLanguage;
	}

	public void setMainLanguage(String mainLanguage) {
		this.mainLanguage = mainLanguage;
	}

	@Override
	public String mainLanguage() {
		return this.mainLanguage;
	}

	@Override
	public @Nullable String mainText(String field) {
		return switch (field) {
			case "name" -> this.name;
			case "awardingBody" -> this.awardingBody;
			case "regulatorNote" -> this.regulatorNote;
			case "letterClosing" -> this.letterClosing;
			case "paymentInstructions" -> this.paymentInstructions;
			default -> throw new IllegalArgumentException("Not a translated text of an institution: " + field);
		};
	}

	@Override
	public Map<String, Map<String, String>> translations() {
		return Collections.unmodifiableMap(this.translations);
	}

	public void setTranslations(Map<String, Map<String, String>> translations) {
		this.translations = new LinkedHashMap<>(translations);
	}

	public Currency getCurrency() {
		return Currency.getInstance(this.currency);
	}

	public @Nullable Money getApplicationFee() {
		return this.applicationFee;
	}

	public @Nullable String getPaymentInstructions() {
		return this.paymentInstructions;
	}

	public boolean isFeeReceiptCheckBeforeSubmit() {
		return this.feeReceiptCheckBeforeSubmit;
	}

	/**
	 * The application fee, how to pay it, and whether submitting waits for staff to check
	 * the receipt.
	 */
	public void setApplicationFee(@Nullable Money fee, @Nullable String paymentInstructions,
			boolean receiptCheckBeforeSubmit) {
		this.applicationFee = fee;
		this.paymentInstructions = paymentInstructions;
		this.feeReceiptCheckBeforeSubmit = receiptCheckBeforeSubmit;
	}

}
