package org.prospectus.reading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.reading.Assignments.Spread;
import org.prospectus.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Review plans as admissions officers keep them: one per programme in a round, for the
 * officers of the institution that gives the programme (ADR 0018); and the bulk
 * assignment of a plan's applications to readers, previewed before it is made.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
public class ReviewPlans {

	private final ReviewPlanRepository plans;

	private final Assignments assignments;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	ReviewPlans(ReviewPlanRepository plans, Assignments assignments, JdbcClient jdbc, AuditLog auditLog) {
		this.plans = plans;
		this.assignments = assignments;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * The programmes of every round the officer's institutions give, newest round first,
	 * each with its plan if it has one and how far its reads are.
	 */
	@Transactional(readOnly = true)
	public List<PlanRow> overview() {
		StaffScope scope = StaffScope.current();
		boolean everywhere = scope.isEverywhere(StaffRole.ADMISSIONS);
		return this.jdbc.sql("""
				select r.id as round_id, r.name as round, p.id as programme_id, p.title, pl.reads, pl.blind,
				  (select count(*) from application_read x where x.plan_id = pl.id and x.state = 'ASSIGNED') as open,
				  (select count(*) from application_read x where x.plan_id = pl.id and x.state = 'SUBMITTED') as done
				from intake_round_programmes_for_reading rp
				join intake_rounds_for_reading r on r.id = rp.round_id
				join programme_titles_for_reading p on p.id = rp.programme_id
				left join review_plan pl on pl.round_id = rp.round_id and pl.programme_id = rp.programme_id
				where (:everywhere or p.institution_id in (:institutions))
				order by r.id desc, p.title, p.id""")
			.param("everywhere", everywhere)
			.param("institutions", scope.institutionsForQuery(StaffRole.ADMISSIONS))
			.query((rs, n) -> new PlanRow(rs.getLong("round_id"), rs.getString("round"), rs.getLong("programme_id"),
					rs.getString("title"), (Integer) rs.getObject("reads", Integer.class), rs.getBoolean("blind"),
					rs.getInt("open"), rs.getInt("done")))
			.list();
	}

	/**
	 * A plan's page: the plan (a new one, unsaved, if none), its readers and its counts.
	 */
	@Transactional(readOnly = true)
	public PlanPage page(long roundId, long programmeId) {
		Place place = place(roundId, programmeId);
		ReviewPlan plan = this.plans.findByRoundIdAndProgrammeId(roundId, programmeId)
			.orElseGet(() -> new ReviewPlan(roundId, programmeId));
		boolean saved = plan.getId() != null;
		int waiting = saved ? this.assignments.waiting(plan).size() : 0;
		return new PlanPage(place, plan, saved, this.assignments.pool(place.institutionId()), waiting,
				saved && rubricLocked(plan));
	}

	/**
	 * Saves a plan as typed; the rubric stays as it is once a read has been submitted
	 * against it, so that every score of a plan means the same.
	 * @return false, with the reasons in {@code errors}, when nothing was saved
	 * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when
	 * someone saved the plan since the form was shown
	 */
	@Transactional
	public boolean save(long roundId, long programmeId, PlanForm form, Errors errors) {
		Place place = place(roundId, programmeId);
		PlanForm.Checked checked = form.check(errors);
		if (checked == null) {
			return false;
		}
		ReviewPlan plan = this.plans.findByRoundIdAndProgrammeId(roundId, programmeId).orElse(null);
		boolean created = plan == null;
		if (created) {
			plan = new ReviewPlan(roundId, programmeId);
		}
		else if (plan.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(ReviewPlan.class, plan.getId());
		}
		String rubricBefore = created ? null : rubric(plan.getCriteria());
		String rubricAfter = lines(checked.criteria());
		boolean rubricChanged = !rubricAfter.equals(rubricBefore);
		if (rubricChanged && !created && rubricLocked(plan)) {
			errors.rejectValue("criteria[0].name", "reading.plan.criteria.locked");
			return false;
		}
		FieldChange.Diff diff = new FieldChange.Diff()
			.field("reading.plan.reads", created ? null : plan.getReads(), checked.reads())
			.field("reading.plan.blind", created ? null : plan.isBlind(), checked.blind())
			.field("reading.plan.disagreement", created ? null : points(plan.getDisagreement()),
					points(checked.disagreement()))
			.field("reading.plan.criteria", rubricBefore, rubricAfter);
		plan.settle(checked.reads(), checked.blind(), checked.disagreement());
		if (rubricChanged) {
			plan.rubric(checked.criteria());
		}
		plan = this.plans.saveAndFlush(plan);
		this.auditLog.recordAt(place.institutionId(), created ? AuditAction.CREATE : AuditAction.UPDATE,
				ReviewPlan.AUDIT_TYPE, plan.getId(), "Review plan for " + place.programme() + ", " + place.round(),
				diff.changes());
		this.assignments.planned(plan);
		return true;
	}

	/**
	 * What a bulk assignment over the readers chosen would give out, without giving it.
	 */
	@Transactional(readOnly = true)
	public Distribution preview(long roundId, long programmeId, Set<Long> readerIds) {
		PlanPage page = page(roundId, programmeId);
		List<Reader> chosen = chosen(page, readerIds);
		return distribution(page, chosen, this.assignments.spread(page.plan(), chosen));
	}

	/** Gives out the reads the preview showed, as the plan stands now. */
	@Transactional
	public Distribution assign(long roundId, long programmeId, Set<Long> readerIds) {
		place(roundId, programmeId);
		ReviewPlan plan = lockedPlan(roundId, programmeId);
		PlanPage page = page(roundId, programmeId);
		List<Reader> chosen = chosen(page, readerIds);
		return distribution(page, chosen, this.assignments.spreadAndAssign(plan, chosen));
	}

	private ReviewPlan lockedPlan(long roundId, long programmeId) {
		Long id = this.jdbc
			.sql("select id from review_plan where round_id = :round and programme_id = :programme for update")
			.param("round", roundId)
			.param("programme", programmeId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> NotFoundException.forMissing("plan"));
		return this.plans.findById(id).orElseThrow();
	}

	private static List<Reader> chosen(PlanPage page, Set<Long> readerIds) {
		if (!page.saved()) {
			throw NotFoundException.forMissing("plan");
		}
		return page.pool().stream().filter((reader) -> readerIds.contains(reader.id())).toList();
	}

	private static Distribution distribution(PlanPage page, List<Reader> chosen, Spread spread) {
		List<Share> shares = chosen.stream()
			.map((reader) -> new Share(reader, spread.added().getOrDefault(reader.id(), 0)))
			.toList();
		return new Distribution(page, shares, spread.total(), spread.unplaced());
	}

	/**
	 * The programme in the round, if the officer's institutions give it.
	 */
	private Place place(long roundId, long programmeId) {
		Place place = this.jdbc.sql("""
				select r.name as round, p.title, p.institution_id from intake_round_programmes_for_reading rp
				join intake_rounds_for_reading r on r.id = rp.round_id
				join programme_titles_for_reading p on p.id = rp.programme_id
				where rp.round_id = :round and rp.programme_id = :programme""")
			.param("round", roundId)
			.param("programme", programmeId)
			.query((rs, n) -> new Place(roundId, rs.getString("round"), programmeId, rs.getString("title"),
					rs.getLong("institution_id")))
			.optional()
			.orElseThrow(() -> NotFoundException.forMissing("plan"));
		if (!StaffScope.current().covers(StaffRole.ADMISSIONS, place.institutionId())) {
			throw NotFoundException.forMissing("plan");
		}
		return place;
	}

	private boolean rubricLocked(ReviewPlan plan) {
		return this.jdbc
			.sql("select exists (select 1 from application_read where plan_id = :plan and state = 'SUBMITTED')")
			.param("plan", plan.getId())
			.query(Boolean.class)
			.single();
	}

	/** A rubric as the audit log records it: "Research fit (1–5, ×2); …". */
	static String rubric(List<ReviewCriterion> criteria) {
		return lines(
				criteria.stream().map((c) -> new PlanForm.Line(c.getName(), c.getScale(), c.getWeight())).toList());
	}

	private static String lines(List<PlanForm.Line> lines) {
		return String.join("; ",
				lines.stream().map((l) -> l.name() + " (1–" + l.scale() + ", ×" + l.weight() + ")").toList());
	}

	static String points(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	/** A programme in a round, named. */
	public record Place(long roundId, String round, long programmeId, String programme, long institutionId) {
	}

	/**
	 * A line of the plans' overview; {@code reads} is null where there is no plan yet.
	 */
	public record PlanRow(long roundId, String round, long programmeId, String programme, @Nullable Integer reads,
			boolean blind, int open, int done) {
	}

	/**
	 * A plan's page.
	 *
	 * @param saved whether the plan exists yet
	 * @param waiting the applications it covers that still wait for reads
	 * @param rubricLocked whether a read has been submitted against its rubric
	 */
	public record PlanPage(Place place, ReviewPlan plan, boolean saved, List<Reader> pool, int waiting,
			boolean rubricLocked) {
	}

	/** A reader's part of a bulk assignment. */
	public record Share(Reader reader, int added) {
	}

	/**
	 * A bulk assignment, previewed or made.
	 *
	 * @param total the new reads
	 * @param unplaced reads that none of the readers chosen could take
	 */
	public record Distribution(PlanPage page, List<Share> shares, int total, int unplaced) {

	}

}
