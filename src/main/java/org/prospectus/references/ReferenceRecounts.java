package org.prospectus.references;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.prospectus.applications.ReferenceRecords;
import org.prospectus.applications.ReferenceRecords.Position;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundReferencesChanged;
import org.prospectus.intake.RoundService;
import org.prospectus.support.Backoff;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works "references missing" out again for every submitted application of a round whose
 * numbers changed: the change records the round (V71) in its own transaction, and this
 * goes through the round's applications in queue order a batch at a time, each batch a
 * short transaction that moves the round's position on, so that a round of any size never
 * holds a long statement and a stopped instance carries on where it was. The round's row
 * is claimed with {@code for update skip locked}, so two instances never work on one
 * round at once; a further change while it is under way starts it again from the first.
 */
@Component
class ReferenceRecounts {

	private static final Log logger = LogFactory.getLog(ReferenceRecounts.class);

	private final JdbcClient jdbc;

	private final RoundService rounds;

	private final ReferenceRecords records;

	private final TransactionTemplate transactions;

	private final int batchSize;

	private final Backoff backoff;

	ReferenceRecounts(JdbcClient jdbc, RoundService rounds, ReferenceRecords records,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${prospectus.references.recount-batch-size:5000}") int batchSize) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.records = records;
		this.transactions = new TransactionTemplate(transactions);
		this.batchSize = batchSize;
		this.backoff = new Backoff(clock, Duration.ofMinutes(1), Duration.ofMinutes(10));
	}

	/** Records the round, in the transaction that changed its numbers. */
	@EventListener
	void roundChanged(RoundReferencesChanged changed) {
		this.jdbc.sql("""
				insert into reference_recount (round_id) values (:round)
				on conflict (round_id) do update set after_submitted = null, after_id = null, requested_at = now()""")
			.param("round", changed.roundId())
			.update();
	}

	/** Works through every recorded round, batch after batch, until none is left. */
	void recountAll() {
		if (!this.backoff.isDue()) {
			return;
		}
		try {
			while (recountBatch()) {
				// Next batch.
			}
			this.backoff.succeeded();
		}
		catch (DataAccessException ex) {
			// The round stays recorded with its position; a later run carries on.
			logger.warn("References missing not worked out again, trying again in " + this.backoff.failed() + ": "
					+ ex.getMostSpecificCause().getMessage());
		}
	}

	/**
	 * Works out one batch of one recorded round, in its own transaction: moves the
	 * round's position on, or forgets the round once none is left.
	 * @return whether a round was recorded
	 */
	boolean recountBatch() {
		Boolean worked = this.transactions.execute((status) -> {
			Optional<Waiting> waiting = this.jdbc.sql("""
					select round_id, after_submitted, after_id from reference_recount
					order by requested_at, round_id limit 1 for update skip locked""")
				.query((rs, row) -> new Waiting(rs.getLong(1),
						(rs.getTimestamp(2) != null)
								? new Position(rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class)) : null))
				.optional();
			if (waiting.isEmpty()) {
				return false;
			}
			long roundId = waiting.get().roundId();
			Optional<Position> last = this.rounds.find(roundId)
				.flatMap((ApplicationRound round) -> this.records.recountBatch(round, waiting.get().after(),
						this.batchSize));
			if (last.isEmpty()) {
				this.jdbc.sql("delete from reference_recount where round_id = :round").param("round", roundId).update();
			}
			else {
				this.jdbc
					.sql("update reference_recount set after_submitted = :at, after_id = :id where round_id = :round")
					.param("at", Timestamp.from(last.get().submittedAt()))
					.param("id", last.get().id())
					.param("round", roundId)
					.update();
			}
			return true;
		});
		return Boolean.TRUE.equals(worked);
	}

	private record Waiting(long roundId, @Nullable Position after) {
	}

}
