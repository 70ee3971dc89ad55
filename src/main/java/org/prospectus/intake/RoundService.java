package org.prospectus.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.prospectus.programme.Programme;
import org.prospectus.staging.PendingRevisions;
import org.prospectus.staging.PublicationState;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application rounds as the public sees them. The state of a round is always derived from
 * the injected clock.
 */
@Service
@Transactional(readOnly = true)
@NamedInterface("api")
public class RoundService {

	/** How long after its start of studies a round stays in the calendar feeds. */
	static final Duration CALENDAR_HISTORY = Duration.ofDays(366);

	private final ApplicationRoundRepository rounds;

	private final Clock clock;

	private final PendingRevisions revisions;

	private final EntityManager entityManager;

	RoundService(ApplicationRoundRepository rounds, Clock clock, PendingRevisions revisions,
			EntityManager entityManager) {
		this.rounds = rounds;
		this.clock = clock;
		this.revisions = revisions;
		this.entityManager = entityManager;
	}

	/**
	 * The rounds a programme page shows: the current one (the open one with the nearest
	 * deadline, else the next to open, else the most recent one) and the earlier ones.
	 */
	public ProgrammeRounds roundsFor(Programme programme) {
		return select(this.rounds.findByProgrammeId(programme.getId()), programme.getInstitution().getId());
	}

	/**
	 * As {@link #roundsFor(Programme)}, for one year of entry: the rounds whose studies
	 * start in that year, in the coordinator's zone.
	 */
	public ProgrammeRounds roundsFor(Programme programme, int entryYear) {
		return select(this.rounds.findByProgrammeId(programme.getId())
			.stream()
			.filter((round) -> round.getStudiesStartAt().atZone(round.getZone()).getYear() == entryYear)
			.toList(), programme.getInstitution().getId());
	}

	/**
	 * As {@link #roundsFor(Programme)} for several programmes at once, in one query, by
	 * programme id. A programme without rounds has an entry with no current round.
	 */
	public Map<Long, ProgrammeRounds> roundsFor(Collection<Programme> programmes) {
		Map<Long, List<ApplicationRound>> byProgramme = new LinkedHashMap<>();
		Map<Long, Long> institutions = new HashMap<>();
		programmes.forEach((programme) -> {
			byProgramme.put(programme.getId(), new ArrayList<>());
			institutions.put(programme.getId(), programme.getInstitution().getId());
		});
		if (!byProgramme.isEmpty()) {
			for (Object[] row : this.rounds.findByProgrammeIds(byProgramme.keySet())) {
				byProgramme.get((Long) row[0]).add((ApplicationRound) row[1]);
			}
		}
		Map<Long, ProgrammeRounds> result = new LinkedHashMap<>();
		byProgramme.forEach((id, rounds) -> result.put(id, select(rounds, institutions.get(id))));
		return result;
	}

	/**
	 * The rounds a programme's staff preview shows: as {@link #roundsFor}, with every
	 * round's unpublished changes laid over it, including rounds that would newly admit
	 * to the programme and leaving out those that would stop. Nothing is written: a
	 * changed round is detached first.
	 */
	public ProgrammeRounds roundsForPreview(Programme programme) {
		String id = Long.toString(programme.getId());
		Map<Long, RoundForm> pending = new HashMap<>();
		this.revisions.findAll(RoundEditing.ENTITY_TYPE, RoundForm.class)
			.forEach((roundId, revision) -> pending.put(roundId, revision.form()));
		Map<Long, ApplicationRound> rounds = new LinkedHashMap<>();
		this.rounds.findByProgrammeId(programme.getId()).forEach((round) -> rounds.put(round.getId(), round));
		// Rounds that would newly admit to the programme, in one query.
		List<Long> joining = pending.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().getProgrammes() != null && entry.getValue().getProgrammes().contains(id)
					&& !rounds.containsKey(entry.getKey()))
			.map(Map.Entry::getKey)
			.toList();
		if (!joining.isEmpty()) {
			this.rounds.findAllWithInstitution(joining).forEach((round) -> rounds.put(round.getId(), round));
		}
		List<ApplicationRound> shown = new ArrayList<>();
		for (ApplicationRound round : rounds.values()) {
			RoundForm form = pending.get(round.getId());
			if (form == null) {
				shown.add(round);
				continue;
			}
			if (form.getProgrammes() == null || !form.getProgrammes().contains(id)) {
				continue;
			}
			RoundSchedule schedule = form.toSchedule(round.getZone(), new BeanPropertyBindingResult(form, "form"));
			if (schedule == null) {
				// Changes that do not pass the checks are never published: show the live
				// round.
				shown.add(round);
				continue;
			}
			this.entityManager.detach(round);
			round.rename(form.getName().strip());
			round.reschedule(schedule);
			shown.add(round);
		}
		return select(shown, programme.getInstitution().getId());
	}

	/**
	 * The rounds of a programme of the given institution: the one to feature, the others
	 * open or upcoming, and the earlier ones.
	 */
	private ProgrammeRounds select(List<ApplicationRound> rounds, long institutionId) {
		Instant now = this.clock.instant();
		List<RoundView> views = rounds.stream().map((round) -> RoundView.of(round, now)).toList();
		RoundView current = pickCurrent(views, institutionId).orElse(null);
		List<RoundView> earlier = views.stream()
			.filter((view) -> view != current)
			.filter((view) -> view.state() == RoundState.CLOSED || view.state() == RoundState.RESULTS_PUBLISHED)
			.sorted(Comparator.comparing((RoundView view) -> view.round().getDeadlineAt()).reversed())
			.toList();
		List<RoundView> alsoOpen = views.stream()
			.filter((view) -> view != current)
			.filter((view) -> view.isOpen() || view.state() == RoundState.UPCOMING)
			.sorted(Comparator.comparing((RoundView view) -> view.round().getDeadlineAt()))
			.toList();
		return new ProgrammeRounds(current, alsoOpen, earlier);
	}

	static Optional<RoundView> pickCurrent(List<RoundView> views) {
		return pickCurrent(views, null);
	}

	/**
	 * The round a programme's page and search card feature: an open one, else the next to
	 * open, else the latest; among open or upcoming ones, the programme's own
	 * institution's before a joint round another coordinates (whose dates are not the
	 * programme's own), then the soonest.
	 * @param institutionId the programme's institution, or {@code null} to prefer none
	 */
	static Optional<RoundView> pickCurrent(List<RoundView> views, @Nullable Long institutionId) {
		Comparator<RoundView> ownFirst = Comparator.comparing((RoundView view) -> institutionId != null
				&& !institutionId.equals(view.round().getInstitution().getId()));
		Optional<RoundView> open = views.stream()
			.filter(RoundView::isOpen)
			.min(ownFirst.thenComparing((RoundView view) -> view.round().getDeadlineAt()));
		if (open.isPresent()) {
			return open;
		}
		Optional<RoundView> upcoming = views.stream()
			.filter((view) -> view.state() == RoundState.UPCOMING)
			.min(ownFirst.thenComparing((RoundView view) -> view.round().getOpensAt()));
		if (upcoming.isPresent()) {
			return upcoming;
		}
		return views.stream().max(Comparator.comparing((RoundView view) -> view.round().getDeadlineAt()));
	}

	/**
	 * Rounds that open or close within the given time from now, soonest deadline first:
	 * what editors should check before it is public.
	 */
	public List<RoundView> openingOrClosingWithin(Duration window) {
		Instant now = this.clock.instant();
		Instant until = now.plus(window);
		return this.rounds.findWithDeadlineFrom(now)
			.stream()
			.filter((round) -> !round.getDeadlineAt().isAfter(until)
					|| (!round.getOpensAt().isBefore(now) && !round.getOpensAt().isAfter(until)))
			.map((round) -> RoundView.of(round, now))
			.toList();
	}

	/**
	 * Rounds that are open or still to open, soonest deadline first, with their
	 * programmes.
	 */
	public List<RoundView> openAndUpcoming() {
		Instant now = this.clock.instant();
		return this.rounds.findWithDeadlineFrom(now)
			.stream()
			.map((round) -> RoundView.of(round, now))
			.filter((view) -> !view.publishedProgrammes().isEmpty())
			.toList();
	}

	/**
	 * The rounds of the deadlines calendar: every round that admits to a published
	 * programme and whose studies started less than {@link #CALENDAR_HISTORY} ago, so
	 * that a subscriber keeps a round's results and start after its deadline, and old
	 * rounds leave the feed. Institution and programmes are fetched with them, in one
	 * query.
	 */
	public List<ApplicationRound> forCalendar() {
		return this.rounds.findWithStudiesStartFrom(this.clock.instant().minus(CALENDAR_HISTORY))
			.stream()
			.filter((round) -> round.getProgrammes()
				.stream()
				.anyMatch((programme) -> programme.getState() == PublicationState.PUBLISHED))
			.toList();
	}

	/**
	 * The rounds of one programme's calendar, as {@link #forCalendar()} chooses them,
	 * with their institution (not their programmes).
	 */
	public List<ApplicationRound> forCalendar(Programme programme) {
		Instant since = this.clock.instant().minus(CALENDAR_HISTORY);
		return this.rounds.findByProgrammeId(programme.getId())
			.stream()
			.filter((round) -> !round.getStudiesStartAt().isBefore(since))
			.toList();
	}

	/**
	 * A round by its id, whatever its state or publication: for the module that decides
	 * on its applications, which reads its deadlines and zone.
	 */
	public Optional<ApplicationRound> find(long roundId) {
		return this.rounds.findById(roundId);
	}

	/** A round by its slug, with its institution and programmes. */
	public Optional<ApplicationRound> findBySlug(String slug) {
		return this.rounds.findBySlugWithProgrammes(slug);
	}

	/** The round's choices as plain values, without loading its programmes. */
	public Optional<RoundChoices> choices(long roundId) {
		List<RoundChoices.Row> rows = this.rounds.findChoices(roundId, PublicationState.PUBLISHED);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		RoundChoices.Row round = rows.get(0);
		List<RoundChoices.Offered> offered = rows.stream()
			.filter((row) -> row.programmeId() != null)
			.map((row) -> new RoundChoices.Offered(row.programmeId(), row.title(), row.programmeInstitutionId(),
					row.programmeInstitutionName()))
			.sorted(Comparator.comparing(RoundChoices.Offered::title))
			.toList();
		return Optional
			.of(new RoundChoices(ZoneId.of(round.zone()), round.choiceLimit(), round.institutionId(), offered));
	}

}
