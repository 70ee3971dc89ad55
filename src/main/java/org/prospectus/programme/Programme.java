package org.prospectus.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.jspecify.annotations.Nullable;
import org.hibernate.type.SqlTypes;
import org.prospectus.course.CreditSystem;
import org.prospectus.institution.Institution;
import org.prospectus.staging.CatalogueEntry;
import org.prospectus.support.Money;
import org.prospectus.web.Translated;

import org.springframework.modulith.NamedInterface;

/**
 * A degree programme an institution admits students to, such as an MSc in Machine
 * Learning. Only published and retired programmes have public pages; retired ones say
 * they are no longer offered.
 */
@Entity
@NamedInterface("api")
public class Programme extends CatalogueEntry implements Translated {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "institution_id")
	private Institution institution;

	private String code;

	private String slug;

	private String title;

	private String award;

	@Enumerated(EnumType.STRING)
	private ProgrammeLevel level;

	private BigDecimal credits;

	@Enumerated(EnumType.STRING)
	private CreditSystem creditSystem;

	private int durationMonths;

	private int pacePercent = 100;

	@Enumerated(EnumType.STRING)
	@Column(name = "study_mode")
	private StudyMode mode;

	private String language;

	private String campus;

	private String startTerm;

	private String summary;

	private String sectionAbout;

	private String sectionLearning;

	private String sectionProject;

	private String sectionCareers;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> topics = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> careerTitles = new ArrayList<>();

	/**
	 * The year of entry this row describes, its current one: the year its fees,
	 * requirements and rounds are for. Other years live in {@link ProgrammeYear}.
	 */
	private int entryYear = LocalDate.now().plusMonths(4).getYear();

	/**
	 * The other published years of entry, as "2026,2028", read with the programme in its
	 * one statement so that the page can offer them without another.
	 */
	@Formula("(select string_agg(y.entry_year::text, ',' order by y.entry_year) from programme_year y "
			+ "where y.programme_id = id and y.published)")
	private @Nullable String otherYears;

	private String typicalOffer;

	private String entryRequirements;

	private String languageRequirements;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "tuition_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "tuition_currency"))
	private Money tuition;

	@Enumerated(EnumType.STRING)
	private TuitionPeriod tuitionPeriod;

	private String tuitionNote;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "application_fee_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "application_fee_currency"))
	private Money applicationFee;

	private String applicationFeeNote;

	private String leadName;

	private String contactEmail;

	private String contactUrl;

	private String documentFilename;

	private Long documentSize;

	protected Programme() {
	}

	public Programme(Institution institution, String code, String slug, String title) {
		this.institution = institution;
		this.code = code;
		this.slug = slug;
		this.title = title;
	}

	public Institution getInstitution() {
		return this.institution;
	}

	public String getCode() {
		return this.code;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getAward() {
		return this.award;
	}

	public ProgrammeLevel getLevel() {
		return this.level;
	}

	public BigDecimal getCredits() {
		return this.credits;
	}

	public CreditSystem getCreditSystem() {
		return this.creditSystem;
	}

	/** Award, level and credits always go together. */
	public void setAward(String award, ProgrammeLevel level, BigDecimal credits, CreditSystem creditSystem) {
		this.award = award;
		this.level = level;
		this.credits = credits;
		this.creditSystem = creditSystem;
	}

	public int getDurationMonths() {
		return this.durationMonths;
	}

	public int getPacePercent() {
		return this.pacePercent;
	}

	public boolean isFullTime() {
		return this.pacePercent == 100;
	}

	public StudyMode getMode() {
		return this.mode;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setStudyForm(int durationMonths, int pacePercent, StudyMode mode, String language) {
		this.durationMonths = durationMonths;
		this.pacePercent = pacePercent;
		this.mode = mode;
		this.language = language;
	}

	public String getCampus() {
		return this.campus;
	}

	public void setCampus(String campus) {
		this.campus = campus;
	}

	public String getStartTerm() {
		return this.startTerm;
	}

	public void setStartTerm(String startTerm) {
		this.startTerm = startTerm;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getSectionAbout() {
		return this.sectionAbout;
	}

	public String getSectionLearning() {
		return this.sectionLearning;
	}

	public String getSectionProject() {
		return this.sectionProject;
	}

	public String getSectionCareers() {
		return this.sectionCareers;
	}

	@Override
	public String mainLanguage() {
		return this.institution.getMainLanguage();
	}

	@Override
	public @Nullable String mainText(String field) {
		return switch (field) {
			case "title" -> this.title;
			case "award" -> this.award;
			case "summary" -> this.summary;
			case "sectionAbout" -> this.sectionAbout;
			case "sectionLearning" -> this.sectionLearning;
			case "sectionProject" -> this.sectionProject;
			case "sectionCareers" -> this.sectionCareers;
			case "topics" -> lines(this.topics);
			case "careerTitles" -> lines(this.careerTitles);
			case "typicalOffer" -> this.typicalOffer;
			case "entryRequirements" -> this.entryRequirements;
			case "languageRequirements" -> this.languageRequirements;
			case "tuitionNote" -> this.tuitionNote;
			case "applicationFeeNote" -> this.applicationFeeNote;
			default -> throw new IllegalArgumentException("Not a translated text of a programme: " + field);
		};
	}

	private static @Nullable String lines(List<String> items) {
		return items.isEmpty() ? null : String.join("\n", items);
	}

	/**
	 * A translation, where one is kept; the topics' only while it names each topic, as
	 * the page links each one to the search by its name in the main language.
	 */
	@Override
	public @Nullable String translation(String language, String field) {
		String text = Translated.super.translation(language, field);
		if (text != null && field.equals("topics") && text.lines().count() != this.topics.size()) {
			return null;
		}
		return text;
	}

	public void setSections(String about, String learning, String project, String careers) {
		this.sectionAbout = about;
		this.sectionLearning = learning;
		this.sectionProject = project;
		this.sectionCareers = careers;
	}

	public List<String> getTopics() {
		return List.copyOf(this.topics);
	}

	public void setTopics(List<String> topics) {
		this.topics = new ArrayList<>(topics);
	}

	public List<String> getCareerTitles() {
		return List.copyOf(this.careerTitles);
	}

	public void setCareerTitles(List<String> careerTitles) {
		this.careerTitles = new ArrayList<>(careerTitles);
	}

	public int getEntryYear() {
		return this.entryYear;
	}

	public void setEntryYear(int entryYear) {
		this.entryYear = entryYear;
	}

	/** The other published years of entry, past and coming, in order. */
	public List<Integer> getOtherPublishedYears() {
		if (this.otherYears == null || this.otherYears.isBlank()) {
			return List.of();
		}
		return Arrays.stream(this.otherYears.split(",")).map(Integer::valueOf).toList();
	}

	/** Published years of entry after the current one, in order. */
	public List<Integer> getComingYears() {
		return getOtherPublishedYears().stream().filter((year) -> year > this.entryYear).toList();
	}

	public String getTypicalOffer() {
		return this.typicalOffer;
	}

	public String getEntryRequirements() {
		return this.entryRequirements;
	}

	public String getLanguageRequirements() {
		return this.languageRequirements;
	}

	public void setEntry(String typicalOffer, String entryRequirements, String languageRequirements) {
		this.typicalOffer = typicalOffer;
		this.entryRequirements = entryRequirements;
		this.languageRequirements = languageRequirements;
	}

	public Money getTuition() {
		return this.tuition;
	}

	public TuitionPeriod getTuitionPeriod() {
		return this.tuitionPeriod;
	}

	public String getTuitionNote() {
		return this.tuitionNote;
	}

	public void setTuition(Money tuition, TuitionPeriod period, String note) {
		this.tuition = tuition;
		this.tuitionPeriod = (tuition != null) ? period : null;
		this.tuitionNote = note;
	}

	public Money getApplicationFee() {
		return this.applicationFee;
	}

	public String getApplicationFeeNote() {
		return this.applicationFeeNote;
	}

	public void setApplicationFee(Money applicationFee, String note) {
		this.applicationFee = applicationFee;
		this.applicationFeeNote = note;
	}

	public boolean hasFees() {
		return this.tuition != null || this.tuitionNote != null || this.applicationFee != null
				|| this.applicationFeeNote != null;
	}

	public boolean hasEntryRequirements() {
		return this.typicalOffer != null || this.entryRequirements != null || this.languageRequirements != null;
	}

	public String getLeadName() {
		return this.leadName;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public String getContactUrl() {
		return this.contactUrl;
	}

	public void setContact(String leadName, String contactEmail, String contactUrl) {
		this.leadName = leadName;
		this.contactEmail = contactEmail;
		this.contactUrl = contactUrl;
	}

	public boolean hasContact() {
		return this.leadName != null || this.contactEmail != null || this.contactUrl != null;
	}

	public String getDocumentFilename() {
		return this.documentFilename;
	}

	public Long getDocumentSize() {
		return this.documentSize;
	}

	public boolean hasDocument() {
		return this.documentFilename != null;
	}

	void describeDocument(String filename, long size) {
		this.documentFilename = filename;
		this.documentSize = size;
	}

}
