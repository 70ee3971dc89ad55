package org.prospectus.programme;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;
import org.prospectus.support.Money;

import org.springframework.validation.Errors;

/**
 * The fields of a form that belong to a year of entry (entry requirements, tuition, the
 * application fee), kept as typed: the programme's form has them for its current year,
 * {@link YearForm} for another. Checked and described here, once for both.
 */
public abstract class YearFields {

	private @Nullable String typicalOffer;

	private @Nullable String entryRequirements;

	private @Nullable String languageRequirements;

	private @Nullable String tuitionAmount;

	private @Nullable String tuitionCurrency;

	private @Nullable String tuitionPeriod;

	private @Nullable String tuitionNote;

	private @Nullable String applicationFeeAmount;

	private @Nullable String applicationFeeCurrency;

	private @Nullable String applicationFeeNote;

	/**
	 * Fills the fields with the values, a missing amount's currency with the one given.
	 */
	public void fill(YearValues values, String currency) {
		this.typicalOffer = values.typicalOffer();
		this.entryRequirements = values.entryRequirements();
		this.languageRequirements = values.languageRequirements();
		Money tuition = values.tuition();
		this.tuitionAmount = (tuition != null) ? FieldChecks.plain(tuition.amount()) : null;
		this.tuitionCurrency = (tuition != null) ? tuition.currency() : currency;
		this.tuitionPeriod = FieldChecks.name(values.tuitionPeriod());
		this.tuitionNote = values.tuitionNote();
		Money fee = values.applicationFee();
		this.applicationFeeAmount = (fee != null) ? FieldChecks.plain(fee.amount()) : null;
		this.applicationFeeCurrency = (fee != null) ? fee.currency() : currency;
		this.applicationFeeNote = values.applicationFeeNote();
	}

	/**
	 * The values typed, each reason beside its field; read them only where {@code errors}
	 * has none.
	 */
	public YearValues checkYear(FieldChecks check, Errors errors) {
		String typical = check.text("typicalOffer", this.typicalOffer, false, 5000);
		String entry = check.text("entryRequirements", this.entryRequirements, false, 5000);
		String language = check.text("languageRequirements", this.languageRequirements, false, 5000);
		Money tuition = check.money("tuitionAmount", this.tuitionAmount, "tuitionCurrency", this.tuitionCurrency);
		TuitionPeriod period = check.choice("tuitionPeriod", this.tuitionPeriod, TuitionPeriod.class, false);
		if (tuition != null && period == null && !errors.hasFieldErrors("tuitionPeriod")) {
			errors.rejectValue("tuitionPeriod", "programme.form.tuition-period.required");
		}
		String note = check.text("tuitionNote", this.tuitionNote, false, 2000);
		Money fee = check.money("applicationFeeAmount", this.applicationFeeAmount, "applicationFeeCurrency",
				this.applicationFeeCurrency);
		String feeNote = check.text("applicationFeeNote", this.applicationFeeNote, false, 2000);
		return new YearValues(typical, entry, language, tuition, period, note, fee, feeNote);
	}

	/** The fields as people read them, keyed by their labels' message keys. */
	public void describeYear(Map<String, String> fields) {
		fields.put("programme.entry.typical-offer", this.typicalOffer);
		fields.put("programme.entry.requirements", this.entryRequirements);
		fields.put("programme.entry.language", this.languageRequirements);
		fields.put("programme.fees.tuition", (this.tuitionAmount != null && !this.tuitionAmount.isBlank())
				? FieldChecks.joined(this.tuitionAmount, this.tuitionCurrency, this.tuitionPeriod) : null);
		fields.put("programme.form.tuition-note", this.tuitionNote);
		fields.put("programme.fees.application",
				(this.applicationFeeAmount != null && !this.applicationFeeAmount.isBlank())
						? FieldChecks.joined(this.applicationFeeAmount, this.applicationFeeCurrency) : null);
		fields.put("programme.form.application-fee-note", this.applicationFeeNote);
	}

	public @Nullable String getTypicalOffer() {
		return this.typicalOffer;
	}

	public void setTypicalOffer(@Nullable String typicalOffer) {
		this.typicalOffer = typicalOffer;
	}

	public @Nullable String getEntryRequirements() {
		return this.entryRequirements;
	}

	public void setEntryRequirements(@Nullable String entryRequirements) {
		this.entryRequirements = entryRequirements;
	}

	public @Nullable String getLanguageRequirements() {
		return this.languageRequirements;
	}

	public void setLanguageRequirements(@Nullable String languageRequirements) {
		this.languageRequirements = languageRequirements;
	}

	public @Nullable String getTuitionAmount() {
		return this.tuitionAmount;
	}

	public void setTuitionAmount(@Nullable String tuitionAmount) {
		this.tuitionAmount = tuitionAmount;
	}

	public @Nullable String getTuitionCurrency() {
		return this.tuitionCurrency;
	}

	public void setTuitionCurrency(@Nullable String tuitionCurrency) {
		this.tuitionCurrency = tuitionCurrency;
	}

	public @Nullable String getTuitionPeriod() {
		return this.tuitionPeriod;
	}

	public void setTuitionPeriod(@Nullable String tuitionPeriod) {
		this.tuitionPeriod = tuitionPeriod;
	}

	public @Nullable String getTuitionNote() {
		return this.tuitionNote;
	}

	public void setTuitionNote(@Nullable String tuitionNote) {
		this.tuitionNote = tuitionNote;
	}

	public @Nullable String getApplicationFeeAmount() {
		return this.applicationFeeAmount;
	}

	public void setApplicationFeeAmount(@Nullable String applicationFeeAmount) {
		this.applicationFeeAmount = applicationFeeAmount;
	}

	public @Nullable String getApplicationFeeCurrency() {
		return this.applicationFeeCurrency;
	}

	public void setApplicationFeeCurrency(@Nullable String applicationFeeCurrency) {
		this.applicationFeeCurrency = applicationFeeCurrency;
	}

	public @Nullable String getApplicationFeeNote() {
		return this.applicationFeeNote;
	}

	public void setApplicationFeeNote(@Nullable String applicationFeeNote) {
		this.applicationFeeNote = applicationFeeNote;
	}

}
