package org.prospectus.programme;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;
import org.prospectus.support.BaseEntity;
import org.prospectus.support.Countries;
import org.prospectus.support.Money;

import org.springframework.modulith.NamedInterface;

/**
 * A kind of work graduates go on to, such as data scientist, with the figures a visitor
 * weighs: the education it asks for, what it pays (a median or an average, for a year,
 * from a named source, in its own currency) and how the number of jobs is expected to
 * change. Programmes link to the careers they lead to.
 */
@Entity
@NamedInterface("api")
public class Career extends BaseEntity {

	private String slug;

	private String title;

	private String summary;

	private String requiredEducation;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "salary_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "salary_currency"))
	private Money salary;

	@Enumerated(EnumType.STRING)
	private SalaryKind salaryKind;

	private Integer salaryYear;

	private String salaryCountry;

	private Integer outlookPercent;

	private String outlookPeriod;

	private String source;

	private int position;

	protected Career() {
	}

	public Career(String slug, String title, String summary) {
		this.slug = slug;
		this.title = title;
		this.summary = summary;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public String getSummary() {
		return this.summary;
	}

	public String getRequiredEducation() {
		return this.requiredEducation;
	}

	public void setRequiredEducation(String requiredEducation) {
		this.requiredEducation = requiredEducation;
	}

	public Money getSalary() {
		return this.salary;
	}

	public SalaryKind getSalaryKind() {
		return this.salaryKind;
	}

	public Integer getSalaryYear() {
		return this.salaryYear;
	}

	/**
	 * A pay figure always says what kind it is, which country it describes and where it
	 * comes from; it names a year only when its source does.
	 * @param country the ISO 3166 code of the country the figure is for
	 * @param year the year the figure is for, or {@code null} when the source gives none
	 */
	public void setSalary(Money salary, SalaryKind kind, String country, @Nullable Integer year, String source) {
		this.salary = salary;
		this.salaryKind = kind;
		this.salaryCountry = country;
		this.salaryYear = year;
		this.source = source;
	}

	/** The ISO 3166 code of the country the pay figure describes. */
	public String getSalaryCountry() {
		return this.salaryCountry;
	}

	/** The name of the country the pay figure describes, in English. */
	public String getSalaryCountryName() {
		return (this.salaryCountry != null) ? Countries.NAMES.getOrDefault(this.salaryCountry, this.salaryCountry)
				: null;
	}

	public Integer getOutlookPercent() {
		return this.outlookPercent;
	}

	public String getOutlookPeriod() {
		return this.outlookPeriod;
	}

	/** A projection always names the period it covers. */
	public void setOutlook(Integer percent, String period) {
		this.outlookPercent = percent;
		this.outlookPeriod = (percent != null) ? period : null;
	}

	/** Where the salary and outlook figures come from. */
	public String getSource() {
		return this.source;
	}

	public int getPosition() {
		return this.position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

}
