package org.prospectus.programme;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.prospectus.course.CourseService;
import org.prospectus.support.FieldChecks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The course plans of a programme's years of entry other than its current one (whose plan
 * rows have no year), for {@code programme.years}: copied when a year is prepared,
 * checked and replaced when its edits are published, moved when the year turns. Every
 * method joins its caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class YearPlans {

	private final PlanEntryRepository plans;

	private final CourseService courses;

	private final JdbcClient jdbc;

	YearPlans(PlanEntryRepository plans, CourseService courses, JdbcClient jdbc) {
		this.plans = plans;
		this.courses = courses;
		this.jdbc = jdbc;
	}

	/** A year's whole plan, draft courses included, for its editors. */
	public List<PlanEntry> whole(Programme programme, int entryYear) {
		return this.plans.findWholePlan(programme, entryYear);
	}

	/** The current year's whole plan. */
	public List<PlanEntry> current(Programme programme) {
		return this.plans.findWholePlan(programme);
	}

	/** A year's plan as its public page shows it. */
	public PlanView shown(Programme programme, int entryYear) {
		return PlanView.of(this.plans.findPublicPlan(programme, entryYear));
	}

	/** Several programmes' whole plans of a year, by programme, in one query. */
	public Map<Long, List<PlanEntry>> whole(Collection<Long> programmeIds, int entryYear) {
		return this.plans.findWholePlans(programmeIds, entryYear)
			.stream()
			.collect(Collectors.groupingBy((entry) -> entry.getProgramme().getId()));
	}

	/**
	 * Copies programmes' plans to another year of entry, in one statement.
	 * @param from the year copied, or {@code null} for the current year's plan
	 */
	public void copy(Collection<Long> programmeIds, @Nullable Integer from, int to) {
		this.jdbc
			.sql("""
					insert into programme_plan_entry (programme_id, course_id, study_year, term, category, track, position,
					    entry_year)
					select programme_id, course_id, study_year, term, category, track, position, :to
					from programme_plan_entry
					where programme_id in (:programmes) and """
					+ ((from != null) ? " entry_year = :from" : " entry_year is null"))
			.param("programmes", programmeIds)
			.param("from", (from != null) ? from : 0)
			.param("to", to)
			.update();
	}

	/**
	 * Checks the plan typed on a year's form, each reason beside its row's field.
	 * @return whether it passed
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public boolean check(YearFields form, Errors errors) {
		form.checkPlan(new FieldChecks(errors), this.courses::findByCode);
		return !errors.hasErrors();
	}

	/**
	 * Replaces a year's plan with the one on the form, checked again.
	 * @return whether it passed; nothing is written otherwise
	 */
	public boolean replace(Programme programme, int entryYear, YearFields form, Errors errors) {
		List<ProgrammeContent.PlanContent> plan = form.checkPlan(new FieldChecks(errors), this.courses::findByCode);
		if (errors.hasErrors()) {
			return false;
		}
		this.plans.deleteByProgramme(programme, entryYear);
		for (int i = 0; i < plan.size(); i++) {
			ProgrammeContent.PlanContent p = plan.get(i);
			PlanEntry entry = new PlanEntry(programme, p.course(), p.studyYear(), p.term(), p.category());
			entry.setTrack(p.track());
			entry.setPosition(i);
			entry.setEntryYear(entryYear);
			this.plans.save(entry);
		}
		return true;
	}

	/**
	 * The turn of the year: the current plan becomes the closing year's, and the next
	 * year's becomes current.
	 */
	public void turn(Programme programme, int closing, int next) {
		this.jdbc.sql("""
				update programme_plan_entry set entry_year = :closing
				where programme_id = :programme and entry_year is null""")
			.param("programme", programme.getId())
			.param("closing", closing)
			.update();
		this.jdbc.sql("""
				update programme_plan_entry set entry_year = null
				where programme_id = :programme and entry_year = :next""")
			.param("programme", programme.getId())
			.param("next", next)
			.update();
	}

}
