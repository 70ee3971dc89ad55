package org.prospectus.course;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.prospectus.support.BaseEntity;
import org.prospectus.web.Translated;

/**
 * A course given in a term: its dates, periods, pace, place, language, application code,
 * places and who may take it. Its target group is prose and may be translated (ADR 0036);
 * its location is a place's name, kept as written.
 */
@Entity
public class CourseOffering extends BaseEntity implements Translated {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "course_id")
	private Course course;

	private Term term;

	private LocalDate startDate;

	private LocalDate endDate;

	private int pacePercent;

	private String location;

	@Enumerated(EnumType.STRING)
	private FormOfStudy formOfStudy;

	private String language;

	private String applicationCode;

	private Integer maxPlaces;

	@Enumerated(EnumType.STRING)
	private Audience audience;

	private String targetGroup;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> targetProgrammeCodes = new ArrayList<>();

	/** Its target group in other languages: language, then field (ADR 0036). */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

	private boolean memoPublished;

	private String memoUrl;

	private boolean schedulePublished;

	private String scheduleUrl;

	/**
	 * Whether visitors see this offering. An offering added to a course is held back
	 * until an editor publishes it.
	 */
	private boolean published = true;

	@OneToMany(mappedBy = "offering", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<OfferingPeriod> periods = new ArrayList<>();

	protected CourseOffering() {
	}

	public CourseOffering(Course course, Term term, LocalDate startDate, LocalDate endDate, String applicationCode) {
		if (endDate.isBefore(startDate)) {
			throw new IllegalArgumentException("An offering cannot end before it starts");
		}
		this.course = course;
		this.term = term;
		this.startDate = startDate;
		this.endDate = endDate;
		this.applicationCode = applicationCode;
	}

	/** An offering added by an editor, which visitors see only once it is published. */
	static CourseOffering unpublished(Course course, Term term, LocalDate startDate, LocalDate endDate,
			String applicationCode) {
		CourseOffering offering = new CourseOffering(course, term, startDate, endDate, applicationCode);
		offering.published = false;
		return offering;
	}

	public boolean isPublished() {
		return this.published;
	}

	public void publish() {
		this.published = true;
	}

	/** Moves the offering; the end may not come before the start. */
	void setDates(Term term, LocalDate startDate, LocalDate endDate) {
		if (endDate.isBefore(startDate)) {
			throw new IllegalArgumentException("An offering cannot end before it starts");
		}
		this.term = term;
		this.startDate = startDate;
		this.endDate = endDate;
	}

	void setApplicationCode(String applicationCode) {
		this.applicationCode = applicationCode;
	}

	/** The course memo and schedule links, and whether each is published yet. */
	void setDocuments(boolean memoPublished, String memoUrl, boolean schedulePublished, String scheduleUrl) {
		this.memoPublished = memoPublished;
		this.memoUrl = memoUrl;
		this.schedulePublished = schedulePublished;
		this.scheduleUrl = scheduleUrl;
	}

	/** Removes every period, so that the ones typed can be added in their order. */
	void clearPeriods() {
		this.periods.clear();
	}

	public Course getCourse() {
		return this.course;
	}

	public Term getTerm() {
		return this.term;
	}

	public LocalDate getStartDate() {
		return this.startDate;
	}

	public LocalDate getEndDate() {
		return this.endDate;
	}

	public int getPacePercent() {
		return this.pacePercent;
	}

	public String getLocation() {
		return this.location;
	}

	public FormOfStudy getFormOfStudy() {
		return this.formOfStudy;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setStudyForm(int pacePercent, String location, FormOfStudy formOfStudy, String language) {
		this.pacePercent = pacePercent;
		this.location = location;
		this.formOfStudy = formOfStudy;
		this.language = language;
	}

	public String getApplicationCode() {
		return this.applicationCode;
	}

	public Integer getMaxPlaces() {
		return this.maxPlaces;
	}

	public Audience getAudience() {
		return this.audience;
	}

	public String getTargetGroup() {
		return this.targetGroup;
	}

	public List<String> getTargetProgrammeCodes() {
		return List.copyOf(this.targetProgrammeCodes);
	}

	public void setAdmission(Integer maxPlaces, Audience audience, String targetGroup,
			List<String> targetProgrammeCodes) {
		this.maxPlaces = maxPlaces;
		this.audience = audience;
		this.targetGroup = targetGroup;
		this.targetProgrammeCodes = new ArrayList<>(targetProgrammeCodes);
	}

	@Override
	public String mainLanguage() {
		return this.course.getInstitution().getMainLanguage();
	}

	@Override
	public @Nullable String mainText(String field) {
		if (!"targetGroup".equals(field)) {
			throw new IllegalArgumentException("Not a translated text of an offering: " + field);
		}
		return this.targetGroup;
	}

	@Override
	public Map<String, Map<String, String>> translations() {
		return Collections.unmodifiableMap(this.translations);
	}

	public void setTranslations(Map<String, Map<String, String>> translations) {
		this.translations = new LinkedHashMap<>(translations);
	}

	public boolean isMemoPublished() {
		return this.memoPublished;
	}

	public String getMemoUrl() {
		return this.memoUrl;
	}

	public boolean isSchedulePublished() {
		return this.schedulePublished;
	}

	public String getScheduleUrl() {
		return this.scheduleUrl;
	}

	public void publishMemo(String url) {
		this.memoPublished = true;
		this.memoUrl = url;
	}

	public void publishSchedule(String url) {
		this.schedulePublished = true;
		this.scheduleUrl = url;
	}

	public List<OfferingPeriod> getPeriods() {
		return this.periods;
	}

	public OfferingPeriod addPeriod(Term term, String periodCode, BigDecimal credits) {
		OfferingPeriod period = new OfferingPeriod(this, this.periods.size() + 1, term, periodCode, credits);
		this.periods.add(period);
		return period;
	}

	/** Whether the offering is running or still to come on the given day. */
	public boolean isCurrentOrUpcoming(LocalDate today) {
		return !this.endDate.isBefore(today);
	}

	public boolean isRunning(LocalDate today) {
		return !today.isBefore(this.startDate) && !today.isAfter(this.endDate);
	}

}
