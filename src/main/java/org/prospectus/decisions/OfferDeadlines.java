package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.decisions.Offers.Offer;
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

	private final ApplicationFinder applications;

	private final Clock clock;

	private final int batchSize;

	private final Duration reminderBefore;

	OfferDeadlines(JdbcClient jdbc, Offers offers, AuditLog auditLog, ApplicationFinder applications, Clock clock,
			@Value("${prospectus.decisions.batch-size:200}") int batchSize,
			@Value("${prospectus.offers.reminder-before:P3D}") Duration reminderBefore) {
		this.jdbc = jdbc;
		this.offers = offers;
		this.auditLog = auditLog;
		this.applications = applications;
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
		List<DueOffer> batch = due("""
				o.state = 'OPEN' and a.decision_notified_at is not null and %s <= :now""".formatted(Offers.REPLY_BY),
				now);
		for (DueOffer due : batch) {
			this.offers.setState(due.offer().id(), OfferState.LAPSED, now);
			this.offers.freed(due.offer());
			this.auditLog.recordFor(AuditAction.DECLINE_BY_DEFAULT, Application.AUDIT_TYPE, due.application().getId(),
					"Declined by default: the offer of " + due.offer().programme() + " to "
							+ due.application().getReference() + " was not answered by its reply-by",
					List.of(Offers.offerChange(due.offer(), OfferState.LAPSED)));
			this.offers.mail(due.application(), due.offer(), "offer-lapsed", Map.of());
		}
		return batch.size();
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
		List<DueOffer> batch = due("""
				o.state = 'OPEN' and o.reminded_at is null and a.decision_notified_at is not null
				and %1$s > :now and %1$s - cast(:before as interval) <= :now
				and a.decision_notified_at < %1$s - cast(:before as interval)""".formatted(Offers.REPLY_BY), now);
		if (!batch.isEmpty()) {
			this.jdbc.sql("update offer set reminded_at = :now where id in (:ids)")
				.param("now", Timestamp.from(now))
				.param("ids", batch.stream().map((due) -> due.offer().id()).toList())
				.update();
		}
		for (DueOffer due : batch) {
			this.offers.mail(due.application(), due.offer(), "offer-reminder", Map.of());
		}
		return batch.size();
	}

	/**
	 * One batch of due offers, their application rows locked, with the applications and
	 * offers read in one statement each.
	 */
	private List<DueOffer> due(String condition, Instant now) {
		List<Due> due = this.jdbc.sql("""
				select o.id, o.application_id from offer o
				join applications_standing_for_decisions a on a.id = o.application_id
				join intake_rounds_for_decisions r on r.id = o.round_id
				where %s
				order by o.round_id, o.programme_id, o.id
				limit :batch
				for update of a skip locked""".formatted(condition))
			.param("now", Timestamp.from(now))
			.param("before", this.reminderBefore.getSeconds() + " seconds")
			.param("batch", this.batchSize)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("application_id", UUID.class)))
			.list();
		List<UUID> ids = due.stream().map(Due::applicationId).distinct().toList();
		Map<UUID, Application> applications = this.applications.all(ids)
			.stream()
			.collect(Collectors.toMap(Application::getId, (application) -> application));
		Map<UUID, List<Offer>> offers = this.offers.of(ids);
		return due.stream()
			.map((one) -> new DueOffer(applications.get(one.applicationId()),
					offers.get(one.applicationId())
						.stream()
						.filter((offer) -> offer.id() == one.offerId())
						.findFirst()
						.orElseThrow()))
			.toList();
	}

	private record DueOffer(Application application, Offer offer) {

	}

	private record Due(long offerId, UUID applicationId) {

	}

}
