package org.prospectus.course;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An offering's editable content, checked: what an {@link OfferingForm} says. */
record OfferingContent(Term term, LocalDate startDate, LocalDate endDate, int pacePercent, String location,
		FormOfStudy formOfStudy, String language, String applicationCode, Integer maxPlaces, Audience audience,
		String targetGroup, List<String> targetProgrammeCodes, boolean memoPublished, String memoUrl,
		boolean schedulePublished, String scheduleUrl, Map<String, Map<String, String>> translations,
		List<PeriodContent> periods) {

	/** A new offering, held back from the public until it is published. */
	CourseOffering newOffering(Course course) {
		CourseOffering offering = CourseOffering.unpublished(course, this.term, this.startDate, this.endDate,
				this.applicationCode);
		applyFields(offering);
		addPeriods(offering);
		return offering;
	}

	/**
	 * Writes the content onto an offering, replacing its periods. On a managed offering
	 * the caller flushes between clearing and adding, since positions are unique.
	 */
	void applyTo(CourseOffering offering) {
		applyFields(offering);
		offering.clearPeriods();
		addPeriods(offering);
	}

	void applyFields(CourseOffering offering) {
		offering.setDates(this.term, this.startDate, this.endDate);
		offering.setApplicationCode(this.applicationCode);
		offering.setStudyForm(this.pacePercent, this.location, this.formOfStudy, this.language);
		offering.setAdmission(this.maxPlaces, this.audience, this.targetGroup, this.targetProgrammeCodes);
		offering.setDocuments(this.memoPublished, this.memoUrl, this.schedulePublished, this.scheduleUrl);
		offering.setTranslations(this.translations);
	}

	void addPeriods(CourseOffering offering) {
		for (PeriodContent period : this.periods) {
			offering.addPeriod(period.term(), period.periodCode(), period.credits());
		}
	}

	record PeriodContent(Term term, String periodCode, BigDecimal credits) {

	}

}
