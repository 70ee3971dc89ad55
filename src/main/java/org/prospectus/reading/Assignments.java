package org.prospectus.reading;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.applications.ReadingRecords;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reads what: the readers of an institution, their open reads, the choice of the
 * least busy reader who has not read an application yet, and where an application's reads
 * stand after each change (its score, the reads still to come, a disagreement), recorded
 * on the application. The callers check who may ask; this joins their transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Assignments {

	/** The statuses in which an application still waits for its reads. */
	static final List<String> READABLE = List.of("SUBMITTED", "DOCUMENTS_MISSING", "ELIGIBILITY_CHECKED",
			"UNDER_REVIEW");

	private final JdbcClient jdbc;

	private final ApplicationReadRepository reads;

	private final ReadingRecords records;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ApplicationFinder applications;

	Assignments(JdbcClient jdbc, ApplicationReadRepository reads, ReadingRecords records, AuditLog auditLog,
			Clock clock, ApplicationFinder applications) {
		this.applications = applications;
		this.jdbc = jdbc;
		this.reads = reads;
		this.records = records;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * The readers of an institution (a reader's membership there, or the role
	 * everywhere), enabled, by name, each with the reads they have open.
	 */
	List<Reader> pool(long institutionId) {
		return this.jdbc
			.sql("""
					select s.id, s.display_name, s.email,
					  (select count(*) from application_read r where r.reader_id = s.id and r.state = 'ASSIGNED') as open
					from account_staff_for_reading s
					where s.enabled and (exists (select 1 from account_memberships_for_reading m
					    where m.staff_user_id = s.id and m.role = 'READER' and m.institution_id = :institution)
					  or exists (select 1 from account_roles_for_reading g where g.staff_user_id = s.id and g.role = 'READER'))
					order by s.display_name, s.id""")
			.param("institution", institutionId)
			.query((rs, n) -> new Reader(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
					rs.getInt("open")))
			.list();
	}

	/** The institution that gives a programme. */
	Optional<Long> institutionOf(long programmeId) {
		return this.jdbc.sql("select institution_id from programme_titles_for_reading where id = :id")
			.param("id", programmeId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Assigns a read to a reader, audited on the application.
	 */
	ApplicationRead assign(UUID applicationId, ReviewPlan plan, Reader reader, boolean extra) {
		ApplicationRead read = this.reads
			.save(new ApplicationRead(applicationId, plan, reader.id(), extra, AuditLog.actor(), this.clock.instant()));
		this.auditLog.recordFor(AuditAction.READ_ASSIGN, Application.AUDIT_TYPE, applicationId,
				(extra ? "Third read assigned to " : "Read assigned to ") + reader.name(), List.of());
		return read;
	}

	/**
	 * The least busy reader of the pool who has no read of the application yet, in any
	 * state: a reader who declared a conflict is never asked again.
	 * @param load each reader's open reads, counted on as reads are given out
	 */
	Optional<Reader> leastBusy(List<Reader> pool, Set<Long> onIt, Map<Long, Integer> load) {
		return pool.stream()
			.filter((reader) -> !onIt.contains(reader.id()))
			.min(Comparator.comparingInt((Reader reader) -> load.getOrDefault(reader.id(), reader.open()))
				.thenComparing(Reader::id));
	}

	/**
	 * Settles an application's reads after a change: a replacement for a read given back,
	 * one more read when two disagree (to the least busy free reader, if any), and the
	 * score, the reads still to come and the disagreement recorded on the application.
	 */
	Standing settle(UUID applicationId, ReviewPlan plan) {
		// One settling at a time per application: two readers submitting at once would
		// otherwise each count only their own read, and the later would write a score,
		// and a disagreement, that miss the other's.
		this.applications.lockSubmitted(applicationId);
		List<ApplicationRead> all = this.reads.findByApplicationIdOrderByAssignedAtAscIdAsc(applicationId);
		List<BigDecimal> totals = all.stream()
			.filter((read) -> read.getState() == ReadState.SUBMITTED)
			.map(ApplicationRead::getTotal)
			.filter(Objects::nonNull)
			.toList();
		boolean disagree = Scoring.disagree(totals, plan.getDisagreement());
		int required = disagree ? plan.readsWhenDisagreeing() : plan.getReads();
		long active = all.stream().filter((read) -> read.getState() != ReadState.CONFLICT).count();
		boolean started = !all.isEmpty();
		if (started && active < required) {
			Set<Long> onIt = new HashSet<>();
			all.forEach((read) -> onIt.add(read.getReaderId()));
			List<Reader> pool = institutionOf(plan.getProgrammeId()).map(this::pool).orElse(List.of());
			Map<Long, Integer> load = new HashMap<>();
			for (long missing = required - active; missing > 0; missing--) {
				Optional<Reader> next = leastBusy(pool, onIt, load);
				if (next.isEmpty()) {
					break;
				}
				Reader reader = next.get();
				assign(applicationId, plan, reader, active >= plan.getReads());
				onIt.add(reader.id());
				load.merge(reader.id(), reader.open() + 1, (a, b) -> a + 1);
				active++;
			}
		}
		Standing standing = standing(totals, plan);
		this.records.scored(applicationId, standing.score(), standing.outstanding(), standing.disagree());
		return standing;
	}

	/**
	 * The applications a plan covers that still wait for reads, oldest submission first,
	 * each with the readers on it so far (in any state) and how many of those count.
	 */
	Map<UUID, OnIt> waiting(ReviewPlan plan) {
		Map<UUID, OnIt> waiting = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.id, r.reader_id, r.state from applications_for_reading a
				left join application_read r on r.application_id = a.id
				where a.round_id = :round and a.first_choice_programme_id = :programme
				  and a.submitted_at is not null and a.status in (:statuses)
				order by a.submitted_at, a.id, r.id""")
			.param("round", plan.getRoundId())
			.param("programme", plan.getProgrammeId())
			.param("statuses", READABLE)
			.query((rs) -> {
				OnIt onIt = waiting.computeIfAbsent(rs.getObject("id", UUID.class), (id) -> new OnIt());
				long reader = rs.getLong("reader_id");
				if (!rs.wasNull()) {
					onIt.readers.add(reader);
					if (!"CONFLICT".equals(rs.getString("state"))) {
						onIt.counted++;
					}
				}
			});
		return waiting;
	}

	/**
	 * Spreads the reads the plan's waiting applications still need over the readers
	 * chosen, evenly: each read to the least busy of them who is not on the application
	 * yet. Nothing is written; {@link #spreadAndAssign} gives out the same reads.
	 */
	Spread spread(ReviewPlan plan, List<Reader> chosen) {
		Map<Long, Integer> load = new HashMap<>();
		chosen.forEach((reader) -> load.put(reader.id(), reader.open()));
		Map<Long, Integer> added = new LinkedHashMap<>();
		chosen.forEach((reader) -> added.put(reader.id(), 0));
		List<Pair> pairs = new ArrayList<>();
		int unplaced = 0;
		for (Map.Entry<UUID, OnIt> entry : waiting(plan).entrySet()) {
			OnIt onIt = entry.getValue();
			for (int missing = plan.getReads() - onIt.counted; missing > 0; missing--) {
				Optional<Reader> next = leastBusy(chosen, onIt.readers, load);
				if (next.isEmpty()) {
					unplaced += missing;
					break;
				}
				long id = next.get().id();
				onIt.readers.add(id);
				load.merge(id, 1, Integer::sum);
				added.merge(id, 1, Integer::sum);
				pairs.add(new Pair(entry.getKey(), next.get()));
			}
		}
		return new Spread(added, pairs, unplaced);
	}

	/**
	 * Gives out the reads {@link #spread} finds, each audited.
	 */
	Spread spreadAndAssign(ReviewPlan plan, List<Reader> chosen) {
		Spread spread = spread(plan, chosen);
		// Each read is saved and audited; where an application stands does not move,
		// since
		// that follows its submitted reads and the plan (recorded when the plan was saved
		// and as each read is submitted), not who has been asked.
		spread.pairs().forEach((pair) -> assign(pair.application(), plan, pair.reader(), false));
		return spread;
	}

	/**
	 * Records where every waiting application of a plan stands once the plan is saved:
	 * the reads each still needs (the queue's "reads outstanding" finds those not yet
	 * given out), and its score and disagreement under the plan's threshold as it is now.
	 * Two statements for the whole plan; nothing is assigned.
	 */
	void planned(ReviewPlan plan) {
		Map<UUID, OnIt> waiting = waiting(plan);
		Map<UUID, List<BigDecimal>> totals = new HashMap<>();
		this.jdbc.sql("""
				select r.application_id, r.total from application_read r
				where r.plan_id = :plan and r.state = 'SUBMITTED' and r.total is not null""")
			.param("plan", plan.getId())
			.query((rs) -> {
				totals.computeIfAbsent(rs.getObject("application_id", UUID.class), (id) -> new ArrayList<>())
					.add(rs.getBigDecimal("total"));
			});
		List<ReadingRecords.Scored> all = waiting.keySet().stream().map((id) -> {
			Standing standing = standing(totals.getOrDefault(id, List.of()), plan);
			return new ReadingRecords.Scored(id, standing.score(), standing.outstanding(), standing.disagree());
		}).toList();
		this.records.scoredAll(all);
	}

	/** Where reads with these submitted totals stand under a plan. */
	static Standing standing(List<BigDecimal> totals, ReviewPlan plan) {
		boolean disagree = Scoring.disagree(totals, plan.getDisagreement());
		int required = disagree ? plan.readsWhenDisagreeing() : plan.getReads();
		return new Standing(Scoring.mean(totals), Math.max(0, required - totals.size()), disagree);
	}

	/** Where an application's reads stand. */
	record Standing(@Nullable BigDecimal score, int outstanding, boolean disagree) {
	}

	/** An application and a reader to read it. */
	record Pair(UUID application, Reader reader) {
	}

	/**
	 * What a bulk assignment gives out.
	 *
	 * @param added the new reads per reader id, in the pool's order
	 * @param pairs each new read
	 * @param unplaced reads no chosen reader could take (each is on the application
	 * already)
	 */
	record Spread(Map<Long, Integer> added, List<Pair> pairs, int unplaced) {

		int total() {
			return this.pairs.size();
		}

	}

	/** The readers on an application so far, and how many of them count. */
	static final class OnIt {

		final Set<Long> readers = new HashSet<>();

		int counted;

	}

}
