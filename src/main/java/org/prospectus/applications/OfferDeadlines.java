package org.prospectus.applications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.prospectus.applications.Offers.Offer;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply-by instant, kept: an open offer not answered by then is declined by default
 * and the applicant told, and a reminder goes out
 * {@code prospectus.offers.reminder-before} ahead. Both take the application rows with
 * {@code skip locked} and change them in the same transaction, so with several instances
 * running each offer lapses once and each e-mail is written once. Only offers the
 * applicant was told of are touched. A batch goes by programme, so that the places it
 * frees are locked in one order ({@link Promotions}).
 */
@Component
public class OfferDeadlines {

	private final JdbcClient jdbc;

	private final Offers offers;

	private final AuditLog auditLog;

	private final EntityManager entityManager;

	private final Clock clock;

	private final int batchSize;

	private final Duration reminderBefore;

	OfferDeadlines(JdbcClient jdbc, Offers offers, AuditLog auditLog, EntityManager entityManager, Clock clock,
			@Value("${prospectus.decisions.batch-size:200}") int batchSize,
			@Value("${prospectus.offers.reminder-before:P3D}") Duration reminderBefore) {
		this.jdbc = jdbc;
		this.offers = offers;
		this.auditLog = auditLog;
		this.entityManager = entityManager;
		this.clock = clock;
		this.batchSize = batchSize;
		this.reminderBefore = reminderBefore;
	}

	/**
	 * Declines one batch of open offers whose reply-by instant has come.
	 * @return how many were declined
	 */
	@Transactional
	public int declineDue() {
		Instant now = this.clock.instant();
		List<Due> due = due("""
				o.state = 'OPEN' and a.decision_notified_at is not null and %s <= :now""".formatted(Offers.REPLY_BY),
				now);
		for (Due offer : due) {
			Application application = this.entityManager.find(Application.class, offer.applicationId());
			Offer shown = this.offers.of(offer.applicationId())
				.stream()
				.filter((o) -> o.id() == offer.offerId())
				.findFirst()
				.orElseThrow();
			this.offers.setState(offer.offerId(), OfferState.LAPSED, now);
			this.offers.freed(shown);
			this.auditLog.recordFor(AuditAction.DECLINE_BY_DEFAULT, Application.AUDIT_TYPE, offer.applicationId(),
					"Declined by default: the offer of " + shown.programme() + " to " + application.getReference()
							+ " was not answered by its reply-by",
					List.of(Offers.offerChange(shown, OfferState.LAPSED)));
			this.offers.mail(application, shown, "offer-lapsed", Map.of());
		}
		return due.size();
	}

	/**
	 * Reminds one batch of applicants whose open offer's reply-by comes within the
	 * reminder period, once each; an applicant told of the offer inside that period needs
	 * no reminder.
	 * @return how many were reminded
	 */
	@Transactional
	public int remindDue() {
		Instant now = this.clock.instant();
		List<Due> due = due("""
				o.state = 'OPEN' and o.reminded_at is null and a.decision_notified_at is not null
				and %1$s > :now and %1$s - cast(:before as interval) <= :now
				and a.decision_notified_at < %1$s - cast(:before as interval)""".formatted(Offers.REPLY_BY), now);
		for (Due offer : due) {
			Application application = this.entityManager.find(Application.class, offer.applicationId());
			Offer shown = this.offers.of(offer.applicationId())
				.stream()
				.filter((o) -> o.id() == offer.offerId())
				.findFirst()
				.orElseThrow();
			this.jdbc.sql("update offer set reminded_at = :now where id = :id")
				.param("now", Timestamp.from(now))
				.param("id", offer.offerId())
				.update();
			this.offers.mail(application, shown, "offer-reminder", Map.of());
		}
		return due.size();
	}

	private List<Due> due(String condition, Instant now) {
		return this.jdbc.sql("""
				select o.id, o.application_id from offer o
				join application a on a.id = o.application_id
				join application_round r on r.id = o.round_id
				where %s
				order by o.round_id, o.programme_id, o.id
				limit :batch
				for update of a skip locked""".formatted(condition))
			.param("now", Timestamp.from(now))
			.param("before", this.reminderBefore.getSeconds() + " seconds")
			.param("batch", this.batchSize)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("application_id", UUID.class)))
			.list();
	}

	private record Due(long offerId, UUID applicationId) {

	}

}
