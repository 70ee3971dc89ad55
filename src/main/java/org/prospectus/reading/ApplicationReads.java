package org.prospectus.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.applications.ApplicationSubmitted;
import org.prospectus.applications.ReadingRecords;
import org.prospectus.decisions.AdmissionsReach;
import org.prospectus.web.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's reads as admissions officers see them: the plan that applies (its
 * round and first choice), every read with its reader, scores and comment, never blind to
 * officers, and the readers who could take one more; and the hand assignment of a read to
 * one reader. Only the officers of the institution that gives the programme assign.
 */
@Service
@NamedInterface("api")
public class ApplicationReads {

	private final ReviewPlanRepository plans;

	private final ApplicationReadRepository reads;

	private final Assignments assignments;

	private final ApplicationFinder applications;

	private final AdmissionsReach reach;

	private final ReadingRecords records;

	private final JdbcClient jdbc;

	ApplicationReads(ReviewPlanRepository plans, ApplicationReadRepository reads, Assignments assignments,
			ApplicationFinder applications, AdmissionsReach reach, ReadingRecords records, JdbcClient jdbc) {
		this.plans = plans;
		this.reads = reads;
		this.assignments = assignments;
		this.applications = applications;
		this.reach = reach;
		this.records = records;
		this.jdbc = jdbc;
	}

	/**
	 * The reads of an application the caller has found within their reach, or empty when
	 * no plan applies or another institution gives its first choice.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
	@Transactional(readOnly = true)
	public Optional<Summary> of(Application application) {
		Long programme = application.getFirstChoiceProgrammeId();
		if (programme == null || !this.reach.offers(programme)) {
			return Optional.empty();
		}
		return this.plans.findByRoundIdAndProgrammeId(application.getRoundId(), programme).map((plan) -> {
			List<ApplicationRead> all = this.reads.findByApplicationIdOrderByAssignedAtAscIdAsc(application.getId());
			Map<Long, String> names = names(all.stream().map(ApplicationRead::getReaderId).collect(Collectors.toSet()));
			List<Line> lines = all.stream()
				.map((read) -> new Line(read, names.getOrDefault(read.getReaderId(), "?")))
				.toList();
			Set<Long> onIt = all.stream().map(ApplicationRead::getReaderId).collect(Collectors.toSet());
			List<Reader> free = this.assignments.institutionOf(programme)
				.map(this.assignments::pool)
				.orElse(List.of())
				.stream()
				.filter((reader) -> !onIt.contains(reader.id()))
				.toList();
			return new Summary(plan, lines, free);
		});
	}

	/**
	 * Assigns one more read of the application to a reader of the plan's pool who has
	 * none of it yet.
	 * @param readerId the reader chosen, or {@code null} when none was
	 * @return false when the reader cannot take it (none chosen, not in the pool, or on
	 * it already)
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
	@Transactional
	public boolean assign(UUID applicationId, @Nullable Long readerId) {
		Application application = this.applications.lockSubmitted(applicationId)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		Long programme = application.getFirstChoiceProgrammeId();
		if (programme == null || !this.reach.offers(programme)) {
			throw NotFoundException.forMissing("application");
		}
		Summary summary = of(application).orElse(null);
		if (summary == null) {
			// Within reach, but no plan applies: nothing to assign.
			return false;
		}
		Optional<Reader> reader = summary.free()
			.stream()
			.filter((r) -> readerId != null && r.id() == readerId)
			.findFirst();
		if (reader.isEmpty() || !Assignments.READABLE.contains(application.getStatus().name())) {
			return false;
		}
		long counted = summary.reads().stream().filter((line) -> line.read().getState() != ReadState.CONFLICT).count();
		this.assignments.assign(applicationId, summary.plan(), reader.get(), counted >= summary.plan().getReads());
		this.reads.flush();
		this.assignments.settle(applicationId, summary.plan());
		return true;
	}

	/**
	 * A newly submitted application under a plan waits for its reads: the queue's "reads
	 * outstanding" finds it. One indexed read when no plan applies.
	 */
	@EventListener
	void submitted(ApplicationSubmitted submitted) {
		if (submitted.firstChoice() == null) {
			return;
		}
		this.jdbc.sql("select reads from review_plan where round_id = :round and programme_id = :programme")
			.param("round", submitted.roundId())
			.param("programme", submitted.firstChoice())
			.query(Integer.class)
			.optional()
			.ifPresent((reads) -> this.records.scored(submitted.applicationId(), null, reads, false));
	}

	private Map<Long, String> names(Set<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select id, display_name from account_staff_for_reading where id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("display_name")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * An application's reads under its plan.
	 *
	 * @param free the pool's readers who have no read of it yet
	 */
	public record Summary(ReviewPlan plan, List<Line> reads, List<Reader> free) {

		/** The mean of the submitted reads' totals, or {@code null} before the first. */
		public @Nullable BigDecimal score() {
			return Scoring.mean(this.reads.stream()
				.filter((line) -> line.read().getState() == ReadState.SUBMITTED)
				.map((line) -> line.read().getTotal())
				.toList());
		}

		/** Whether two submitted reads differ by more than the plan allows. */
		public boolean disagree() {
			return Scoring.disagree(this.reads.stream()
				.filter((line) -> line.read().getState() == ReadState.SUBMITTED)
				.map((line) -> line.read().getTotal())
				.toList(), this.plan.getDisagreement());
		}

	}

	/** A read and its reader's name. */
	public record Line(ApplicationRead read, String reader) {

		public @Nullable Instant at() {
			return this.read.getSubmittedAt();
		}

	}

}
