package org.prospectus.intake;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.institution.Institution;
import org.prospectus.institution.Institutions;
import org.prospectus.programme.Programme;
import org.prospectus.programme.years.ProgrammeYears;
import org.prospectus.staging.PendingRevisions;
import org.prospectus.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls a round over to the next cycle: a draft copy whose every milestone is at the same
 * wall-clock time one year later in the institution's zone (a 23:59 deadline stays 23:59
 * across summer time), admitting to the same programmes, with the same choice limit and,
 * through {@link RoundRolledOver}, the same places. The copy is a draft, so nothing is
 * public until an editor publishes it. A round has at most one copy: rolling over again
 * returns the first, whoever clicks and however often.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class RoundRollover {

	private static final Pattern YEAR = Pattern.compile("(?<![0-9])(19|20)[0-9]{2}(?![0-9])");

	private static final int SLUG_LENGTH = 120;

	private final ApplicationRoundRepository rounds;

	private final RoundEditing editing;

	private final PendingRevisions revisions;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ProgrammeYears years;

	private final TransactionTemplate transactions;

	private final TransactionTemplate readOnly;

	RoundRollover(ApplicationRoundRepository rounds, RoundEditing editing, PendingRevisions revisions,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock, ProgrammeYears years,
			PlatformTransactionManager transactionManager) {
		this.years = years;
		this.transactions = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.rounds = rounds;
		this.editing = editing;
		this.revisions = revisions;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The same wall-clock time one year later in the zone. A day that does not exist next
	 * year (29 February) becomes the day before; a time the clocks skip that day becomes
	 * the time after the gap. {@link DateChange#adjusted()} tells both.
	 */
	static Instant nextYear(Instant at, ZoneId zone) {
		return at.atZone(zone).plusYears(1).toInstant();
	}

	/** The draft or published copy the round was rolled over to, if it was. */
	@Transactional(readOnly = true)
	public Optional<ApplicationRound> copyOf(long roundId) {
		return this.rounds.findRolledFrom(roundId)
			.filter((copy) -> Institutions.editable(copy.getInstitution().getId()));
	}

	/** What rolling the round over would create, or the copy it has already. */
	@Transactional(readOnly = true)
	public Optional<Plan> plan(long roundId) {
		return this.editing.find(roundId)
			.map((round) -> plan(round, offerable(round.getInstitution().getId()),
					this.rounds.findRolledFrom(round.getId()), this.rounds::existsBySlug));
	}

	/**
	 * What rolling over an institution's rounds would create: each published round not
	 * rolled over yet whose copy would open in the future.
	 */
	@Transactional(readOnly = true)
	public List<Plan> planAll(long institutionId) {
		Set<Long> offerable = offerable(institutionId);
		List<ApplicationRound> candidates = candidates(institutionId);
		// The slugs the copies would take, and the first numbered ones after them, in one
		// query (ten a round keeps it within PostgreSQL's 65,535 parameters). Rolling
		// over
		// checks its slug again, one by one.
		List<String> wanted = candidates.stream()
			.flatMap((round) -> slugsToTry(round,
					nextYear(round.getStudiesStartAt(), round.getZone()).atZone(round.getZone()).getYear())
				.stream()
				.limit(10))
			.toList();
		Set<String> taken = wanted.isEmpty() ? Set.of() : Set.copyOf(this.rounds.findTakenSlugs(wanted));
		// A round not rolled over has no copy: none to look up.
		return candidates.stream().map((round) -> plan(round, offerable, Optional.empty(), taken::contains)).toList();
	}

	/** The rounds {@link #planAll} lists, without planning them. */
	private List<ApplicationRound> candidates(long institutionId) {
		Instant now = this.clock.instant();
		return this.rounds.findNotRolledOver(institutionId)
			.stream()
			.filter((round) -> nextYear(round.getOpensAt(), round.getZone()).isAfter(now))
			.toList();
	}

	/** The ids of the programmes a round of the institution may admit to. */
	private Set<Long> offerable(long institutionId) {
		Institution institution = this.editing.institution(institutionId)
			.orElseThrow(() -> NotFoundException.forRecord("institution", institutionId));
		return this.editing.choicesFor(institution).stream().map(Programme::getId).collect(Collectors.toSet());
	}

	/**
	 * Rolls the round over, or finds the copy it was rolled over to.
	 * @return the copy's id
	 */
	@Transactional
	public long rollOver(long roundId) {
		ApplicationRound round = this.editing.find(roundId)
			.orElseThrow(() -> NotFoundException.forRecord("round", roundId));
		return copy(round, offerable(round.getInstitution().getId()));
	}

	/**
	 * Rolls over every round {@link #planAll} lists, one transaction a round: each copy
	 * is whole or absent, a failure leaves the copies made before it, and asking again
	 * makes only the missing ones. One transaction for all would hold every round,
	 * programme and year of a large institution in one persistence context.
	 * @return the copies' ids
	 */
	public List<Long> rollOverAll(long institutionId) {
		record Work(List<Long> rounds, Set<Long> offerable) {
		}
		Work work = this.readOnly
			.execute((status) -> new Work(candidates(institutionId).stream().map(ApplicationRound::getId).toList(),
					offerable(institutionId)));
		List<Long> copies = new ArrayList<>();
		for (long roundId : work.rounds()) {
			copies.add(this.transactions.execute((status) -> copy(
					this.editing.find(roundId).orElseThrow(() -> NotFoundException.forRecord("round", roundId)),
					work.offerable())));
		}
		return copies;
	}

	private long copy(ApplicationRound round, Set<Long> offerable) {
		// Two editors, or two clicks, roll over one at a time; the second finds the
		// first's copy. The unique rolled_from_id stands behind this.
		this.rounds.lock(round.getId());
		Optional<ApplicationRound> existing = this.rounds.findRolledFrom(round.getId());
		if (existing.isPresent()) {
			return existing.get().getId();
		}
		Plan plan = plan(round, offerable, existing, this.rounds::existsBySlug);
		ApplicationRound copy = ApplicationRound.rolledOver(round, plan.slug(), plan.name(), plan.schedule());
		// Inserted at once (an identity key), and not flushed: a flush checks every
		// entity the transaction holds.
		this.rounds.save(copy);
		Institution institution = round.getInstitution();
		ZoneId zone = institution.getZone();
		Map<Long, String> names = RoundEditing.titlesById(plan.programmes());
		RoundForm staged = RoundForm.of(copy);
		staged.setProgrammes(plan.programmes().stream().map((programme) -> Long.toString(programme.getId())).toList());
		if (!plan.programmes().isEmpty()) {
			this.revisions.save(RoundEditing.ENTITY_TYPE, copy.getId(), copy.getVersion(), null, staged);
		}
		this.auditLog.record(
				AuditAction.CREATE, RoundEditing.ENTITY_TYPE, copy.getId(), "Rolled the round " + round.getName()
						+ " of " + institution.getName() + " over to " + copy.getName() + ", a draft",
				FieldChange.between(Map.of(), staged.describe(zone, names)));
		this.events.publishEvent(new RoundRolledOver(round.getId(), copy.getId()));
		this.years.prepareFor(plan.yearsToPrepare().stream().map(Programme::getId).toList(), plan.entryYear());
		return copy.getId();
	}

	private Plan plan(ApplicationRound round, Set<Long> offerable, Optional<ApplicationRound> copy,
			Predicate<String> slugTaken) {
		ZoneId zone = round.getZone();
		RoundSchedule before = round.getSchedule();
		RoundSchedule after = new RoundSchedule(nextYear(before.opensAt(), zone), nextYear(before.deadlineAt(), zone),
				nextYear(before.documentsDeadlineAt(), zone),
				(before.feeDeadlineAt() != null) ? nextYear(before.feeDeadlineAt(), zone) : null,
				nextYear(before.notificationAt(), zone), nextYear(before.studiesStartAt(), zone),
				before.studiesStartMonthOnly(),
				(before.replyByAt() != null) ? nextYear(before.replyByAt(), zone) : null);
		List<DateChange> dates = new ArrayList<>();
		dates.add(DateChange.of(MilestoneKind.OPENS, before.opensAt(), after.opensAt(), zone, false));
		dates.add(DateChange.of(MilestoneKind.DEADLINE, before.deadlineAt(), after.deadlineAt(), zone, false));
		dates.add(DateChange.of(MilestoneKind.DOCUMENTS_DEADLINE, before.documentsDeadlineAt(),
				after.documentsDeadlineAt(), zone, false));
		if (before.feeDeadlineAt() != null) {
			dates.add(DateChange.of(MilestoneKind.FEE_DEADLINE, before.feeDeadlineAt(), after.feeDeadlineAt(), zone,
					false));
		}
		dates.add(DateChange.of(MilestoneKind.NOTIFICATION, before.notificationAt(), after.notificationAt(), zone,
				false));
		if (before.replyByAt() != null) {
			dates.add(DateChange.of(MilestoneKind.REPLY_BY, before.replyByAt(), after.replyByAt(), zone, false));
		}
		dates.add(DateChange.of(MilestoneKind.STUDIES_START, before.studiesStartAt(), after.studiesStartAt(), zone,
				before.studiesStartMonthOnly()));
		List<Programme> kept = round.getProgrammes()
			.stream()
			.filter((programme) -> offerable.contains(programme.getId()))
			.sorted((a, b) -> a.getTitle().compareTo(b.getTitle()))
			.toList();
		List<Programme> dropped = round.getProgrammes()
			.stream()
			.filter((programme) -> !offerable.contains(programme.getId()))
			.sorted((a, b) -> a.getTitle().compareTo(b.getTitle()))
			.toList();
		String name = nextName(round.getName(), after.studiesStartAt().atZone(zone).getYear(), " ");
		String slug = copy.map(ApplicationRound::getSlug)
			.orElseGet(() -> slugsToTry(round, after.studiesStartAt().atZone(zone).getYear()).stream()
				.filter(slugTaken.negate())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No free address for the copy of " + round.getSlug())));
		int entryYear = after.studiesStartAt().atZone(zone).getYear();
		// Next year's fees and requirements: a draft copy for each of the coordinator's
		// own programmes whose current year is earlier. Another institution's programme
		// in a joint round is its own editors' to prepare.
		List<Programme> yearsToPrepare = kept.stream()
			.filter((programme) -> programme.getInstitution().getId().equals(round.getInstitution().getId()))
			.filter((programme) -> programme.getEntryYear() < entryYear)
			.toList();
		return new Plan(round, copy.orElse(null), copy.map(ApplicationRound::getName).orElse(name), slug, after, dates,
				kept, dropped, !after.opensAt().isAfter(this.clock.instant()), entryYear, yearsToPrepare);
	}

	/**
	 * The slugs a copy may take, in order: the round's with each year one on (or the year
	 * added), then numbered, for when another round has it.
	 */
	static List<String> slugsToTry(ApplicationRound round, int year) {
		String base = nextName(round.getSlug(), year, "-");
		if (base.length() > SLUG_LENGTH - 4) {
			base = base.substring(0, SLUG_LENGTH - 4);
		}
		List<String> slugs = new ArrayList<>(List.of(base));
		for (int n = 2; n < 100; n++) {
			slugs.add(base + "-" + n);
		}
		return slugs;
	}

	/**
	 * A name for next year: every four-digit year in it one on ("Autumn 2027" becomes
	 * "Autumn 2028"), or the year of the copy's start of studies added where it names
	 * none. The preview shows it, and the editor renames the copy where that reads wrong.
	 */
	static String nextName(String name, int year, String separator) {
		Matcher matcher = YEAR.matcher(name);
		if (!matcher.find()) {
			return name + separator + year;
		}
		matcher.reset();
		return matcher.replaceAll((match) -> Integer.toString(Integer.parseInt(match.group()) + 1));
	}

	/**
	 * What rolling a round over creates.
	 *
	 * @param round the round rolled over
	 * @param copy its copy, if it was rolled over already; the rest then describes it
	 * @param name the copy's name
	 * @param slug the copy's address
	 * @param schedule the copy's milestones
	 * @param dates each milestone before and after
	 * @param programmes the programmes the copy admits to
	 * @param dropped programmes the round admits to that the copy cannot: retired since,
	 * or another institution's and no longer published
	 * @param opensInPast whether the copy would open before now, so that it needs new
	 * dates
	 * @param entryYear the year of entry the copy admits to: the year its studies start
	 * @param yearsToPrepare the programmes whose year of entry the rollover prepares as a
	 * draft copy of the year before, where it is missing
	 */
	public record Plan(ApplicationRound round, @Nullable ApplicationRound copy, String name, String slug,
			RoundSchedule schedule, List<DateChange> dates, List<Programme> programmes, List<Programme> dropped,
			boolean opensInPast, int entryYear, List<Programme> yearsToPrepare) {

		/** Whether a date falls on a weekend or moved from its wall-clock time. */
		public boolean datesToCheck() {
			return this.dates.stream().anyMatch((date) -> date.weekend() || date.adjusted());
		}

	}

	/**
	 * One milestone rolled over.
	 *
	 * @param kind which milestone
	 * @param before when it is in the round
	 * @param after when it is in the copy
	 * @param monthOnly whether only its month is announced
	 * @param weekend whether the new date is a Saturday or Sunday in the zone, which a
	 * deadline rarely should be
	 * @param adjusted whether the new time is not the old wall-clock time one year on (29
	 * February, or a time the clocks skip)
	 */
	public record DateChange(MilestoneKind kind, Instant before, Instant after, boolean monthOnly, boolean weekend,
			boolean adjusted) {

		static DateChange of(MilestoneKind kind, Instant before, Instant after, ZoneId zone, boolean monthOnly) {
			ZonedDateTime old = before.atZone(zone);
			ZonedDateTime next = after.atZone(zone);
			DayOfWeek day = next.getDayOfWeek();
			boolean weekend = !monthOnly && (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY);
			boolean adjusted = !old.toLocalDateTime().plusYears(1).equals(next.toLocalDateTime())
					|| old.getDayOfMonth() != next.getDayOfMonth();
			return new DateChange(kind, before, after, monthOnly, weekend, adjusted);
		}

	}

}
