package org.prospectus.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.prospectus.programme.years.YearTurn;
import org.prospectus.support.Backoff;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns programmes' years of entry when their current year has closed: once every round
 * of that year (the rounds whose studies start in it, in the coordinator's zone) has
 * started its studies, and, for a programme without such rounds, once the calendar year
 * is over. The rounds are this module's; the turn itself is the programme module's
 * ({@link YearTurn}), one transaction a programme.
 */
@Component
public class YearTurns {

	private final YearTurn turn;

	private final ApplicationRoundRepository rounds;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	YearTurns(YearTurn turn, ApplicationRoundRepository rounds, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.turn = turn;
		this.rounds = rounds;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Turns every programme whose current year has closed and that has a published next
	 * year.
	 * @return how many turned
	 */
	public int turnDue() {
		List<YearTurn.Candidate> candidates = this.turn.candidates();
		if (candidates.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<YearTurn.Candidate> due = this.readOnly.execute((status) -> {
			Map<Long, List<ApplicationRound>> byProgramme = new HashMap<>();
			for (Object[] row : this.rounds
				.findByProgrammeIds(candidates.stream().map(YearTurn.Candidate::programmeId).toList())) {
				byProgramme.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((ApplicationRound) row[1]);
			}
			return candidates.stream().filter((candidate) -> {
				List<ApplicationRound> ofYear = byProgramme.getOrDefault(candidate.programmeId(), List.of())
					.stream()
					.filter((round) -> round.getStudiesStartAt().atZone(round.getZone()).getYear() == candidate
						.entryYear())
					.toList();
				if (ofYear.isEmpty()) {
					return now.atZone(ZoneOffset.UTC).getYear() > candidate.entryYear();
				}
				return ofYear.stream().noneMatch((round) -> round.getStudiesStartAt().isAfter(now));
			}).toList();
		});
		int turned = 0;
		for (YearTurn.Candidate candidate : due) {
			if (this.turn.turn(candidate.programmeId(), candidate.entryYear())) {
				turned++;
			}
		}
		return turned;
	}

	/**
	 * Looks for years to turn every {@code prospectus.years.delay} (ten minutes); off
	 * with {@code prospectus.years.enabled=false}, as in the tests, which turn them
	 * themselves.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnBooleanProperty(name = "prospectus.years.enabled", matchIfMissing = true)
	static class Schedule {

		private static final Log logger = LogFactory.getLog(YearTurns.class);

		private final YearTurns turns;

		private final Backoff backoff;

		Schedule(YearTurns turns, Clock clock) {
			this.turns = turns;
			this.backoff = new Backoff(clock, Duration.ofMinutes(1), Duration.ofMinutes(10));
		}

		@Scheduled(fixedDelayString = "${prospectus.years.delay:10m}",
				initialDelayString = "${prospectus.years.delay:10m}")
		void turnDue() {
			if (!this.backoff.isDue()) {
				return;
			}
			try {
				this.turns.turnDue();
				this.backoff.succeeded();
			}
			catch (DataAccessException ex) {
				logger.warn("Years of entry not turned, trying again in " + this.backoff.failed() + ": "
						+ ex.getMostSpecificCause().getMessage());
			}
		}

	}

}
