package org.prospectus.course;

import java.math.BigDecimal;
import java.util.Map;

/** A course's own editable fields, checked: what a {@link CourseForm} says once valid. */
record CourseContent(String title, BigDecimal credits, CreditSystem creditSystem, String summary, String mainField,
		EducationCycle educationCycle, GradingScale gradingScale, String examiner, String offeredBy,
		Map<String, Map<String, String>> translations) {

	void applyTo(Course course) {
		course.setTitle(this.title);
		course.setCredits(this.credits, this.creditSystem);
		course.setSummary(this.summary);
		course.setTranslations(this.translations);
		course.setFacts(this.mainField, this.educationCycle, this.gradingScale, this.examiner, this.offeredBy);
	}

}
