package org.prospectus.programme.years;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.prospectus.programme.Programme;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.programme.YearValues;
import org.prospectus.support.BaseEntity;
import org.prospectus.support.Money;

/**
 * A year of entry of a programme other than its current one (which its own row
 * describes): next year's, prepared and published ahead, or a past one, kept readable. It
 * holds what changes from year to year: entry requirements, tuition and the application
 * fee.
 */
@Entity
public class ProgrammeYear extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "programme_id")
	private Programme programme;

	private int entryYear;

	private boolean published;

	private @Nullable String typicalOffer;

	private @Nullable String entryRequirements;

	private @Nullable String languageRequirements;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "tuition_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "tuition_currency"))
	private @Nullable Money tuition;

	@Enumerated(EnumType.STRING)
	private @Nullable TuitionPeriod tuitionPeriod;

	private @Nullable String tuitionNote;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "application_fee_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "application_fee_currency"))
	private @Nullable Money applicationFee;

	private @Nullable String applicationFeeNote;

	/** Its texts in other languages: language, then field (ADR 0036). */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

	protected ProgrammeYear() {
	}

	/** A draft of a year of entry with the values given. */
	ProgrammeYear(Programme programme, int entryYear, YearValues values) {
		this.programme = programme;
		this.entryYear = entryYear;
		write(values);
	}

	public Programme getProgramme() {
		return this.programme;
	}

	public int getEntryYear() {
		return this.entryYear;
	}

	public boolean isPublished() {
		return this.published;
	}

	void publish() {
		this.published = true;
	}

	YearValues values() {
		return new YearValues(this.typicalOffer, this.entryRequirements, this.languageRequirements, this.tuition,
				this.tuitionPeriod, this.tuitionNote, this.applicationFee, this.applicationFeeNote, this.translations);
	}

	void write(YearValues values) {
		this.typicalOffer = values.typicalOffer();
		this.entryRequirements = values.entryRequirements();
		this.languageRequirements = values.languageRequirements();
		this.tuition = values.tuition();
		this.tuitionPeriod = values.tuitionPeriod();
		this.tuitionNote = values.tuitionNote();
		this.applicationFee = values.applicationFee();
		this.applicationFeeNote = values.applicationFeeNote();
		this.translations = new LinkedHashMap<>(values.translations());
	}

	/**
	 * Lays this year's values over a programme detached from the persistence context, for
	 * a page that shows this year: the year, its requirements and its fees.
	 */
	public void showOn(Programme detached) {
		values().applyTo(detached);
		detached.setEntryYear(this.entryYear);
	}

}
