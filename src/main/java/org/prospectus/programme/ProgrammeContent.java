package org.prospectus.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.prospectus.course.Course;
import org.prospectus.course.CreditSystem;
import org.prospectus.course.Season;
import org.prospectus.support.Money;

/**
 * A programme's editable content, checked: what a {@link ProgrammeForm} says once every
 * field is valid.
 */
record ProgrammeContent(String title, String award, ProgrammeLevel level, BigDecimal credits, CreditSystem creditSystem,
		int durationMonths, int pacePercent, StudyMode mode, String language, String campus, String startTerm,
		String summary, String sectionAbout, String sectionLearning, String sectionProject, String sectionCareers,
		List<String> topics, List<String> careerTitles, String typicalOffer, String entryRequirements,
		String languageRequirements, Money tuition, TuitionPeriod tuitionPeriod, String tuitionNote,
		Money applicationFee, String applicationFeeNote, String leadName, String contactEmail, String contactUrl,
		List<TestimonialContent> testimonials, List<PlanContent> plan, List<String> careers,
		Map<String, Map<String, String>> translations) {

	/** Writes the programme's own fields. */
	void applyTo(Programme programme) {
		programme.setTitle(this.title);
		programme.setTranslations(this.translations);
		programme.setAward(this.award, this.level, this.credits, this.creditSystem);
		programme.setStudyForm(this.durationMonths, this.pacePercent, this.mode, this.language);
		programme.setCampus(this.campus);
		programme.setStartTerm(this.startTerm);
		programme.setSummary(this.summary);
		programme.setSections(this.sectionAbout, this.sectionLearning, this.sectionProject, this.sectionCareers);
		programme.setTopics(this.topics);
		programme.setCareerTitles(this.careerTitles);
		programme.setEntry(this.typicalOffer, this.entryRequirements, this.languageRequirements);
		programme.setTuition(this.tuition, this.tuitionPeriod, this.tuitionNote);
		programme.setApplicationFee(this.applicationFee, this.applicationFeeNote);
		programme.setContact(this.leadName, this.contactEmail, this.contactUrl);
	}

	/** New testimonial rows for the programme, in order. */
	List<Testimonial> testimonialsFor(Programme programme) {
		List<Testimonial> rows = new ArrayList<>();
		for (int i = 0; i < this.testimonials.size(); i++) {
			TestimonialContent t = this.testimonials.get(i);
			rows.add(new Testimonial(programme, i, t.quote(), t.authorName(), t.authorOrigin(), t.translations()));
		}
		return rows;
	}

	/** New plan rows for the programme, in the order typed within each term. */
	List<PlanEntry> planFor(Programme programme) {
		List<PlanEntry> rows = new ArrayList<>();
		for (int i = 0; i < this.plan.size(); i++) {
			PlanContent p = this.plan.get(i);
			PlanEntry entry = new PlanEntry(programme, p.course(), p.studyYear(), p.term(), p.category());
			entry.setTrack(p.track());
			entry.setPosition(i);
			rows.add(entry);
		}
		return rows;
	}

	record TestimonialContent(String quote, String authorName, String authorOrigin,
			Map<String, Map<String, String>> translations) {

	}

	record PlanContent(Course course, int studyYear, Season term, PlanCategory category, String track) {

	}

}
