package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.prospectus.applications.DecisionRecords;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.mail.MailOutbox;
import org.prospectus.web.PublicUrls;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells applicants their decision on the round's notification date, not before: every
 * decided application whose round has reached that date and whose applicant was not told
 * gets the decision e-mail in the outbox, with the decision letter attached, and is
 * marked told in the same transaction. Instances share the work through
 * {@code skip locked}; a decision taken after the date goes out at the next run.
 */
@Component
public class DecisionNotifier {

	private final JdbcClient jdbc;

	private final MailOutbox outbox;

	private final Offers offers;

	private final DecisionLetters letters;

	private final Clock clock;

	private final PublicUrls urls;

	private final int batchSize;

	private final DecisionRecords records;

	DecisionNotifier(JdbcClient jdbc, MailOutbox outbox, Offers offers, DecisionLetters letters, Clock clock,
			PublicUrls urls, @Value("${prospectus.decisions.batch-size:200}") int batchSize, DecisionRecords records) {
		this.records = records;
		this.letters = letters;
		this.offers = offers;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.clock = clock;
		this.urls = urls;
		this.batchSize = batchSize;
	}

	/**
	 * Writes the e-mails of one batch of due decisions.
	 * @return how many applicants were told
	 */
	@Transactional
	public int notifyDue() {
		Instant now = this.clock.instant();
		List<Due> due = this.jdbc.sql("""
				select a.id, a.reference, a.email, a.full_name, a.status, a.decision_reason, a.refusal_reason,
				       a.refusal_advice, a.decision_programme_id,
				       coalesce(p.translations -> l.language ->> 'title', p.title) as programme,
				       coalesce(r.translations -> l.language ->> 'name', r.name) as round,
				       coalesce(i.translations -> l.language ->> 'name', i.name) as institution,
				       i.time_zone, r.studies_start_month_only, l.language
				from applications_standing_for_decisions a
				join applicant_languages_for_decisions l on l.id = a.applicant_id
				join intake_rounds_for_decisions r on r.id = a.round_id
				join institution_settings_for_decisions i on i.id = r.institution_id
				left join programme_titles_for_decisions p on p.id = a.decision_programme_id
				where a.decided_at is not null and a.decision_notified_at is null and r.notification_at <= :now
				order by a.decided_at, a.id
				limit :batch
				for update of a skip locked""")
			.param("now", Timestamp.from(now))
			.param("batch", this.batchSize)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("email"),
					rs.getString("full_name"), ApplicationStatus.valueOf(rs.getString("status")),
					rs.getString("decision_reason"), rs.getString("refusal_reason"), rs.getString("refusal_advice"),
					rs.getLong("decision_programme_id"), rs.getString("programme"), rs.getString("round"),
					rs.getString("institution"), ZoneId.of(rs.getString("time_zone")),
					Locale.forLanguageTag(rs.getString("language")), rs.getBoolean("studies_start_month_only")))
			.list();
		Map<UUID, List<Offers.Offer>> offers = this.offers
			.of(due.stream().filter((d) -> d.status() == ApplicationStatus.ADMITTED).map(Due::id).toList());
		for (Due decision : due) {
			Map<String, Object> model = new HashMap<>(Map.of("name", decision.name(), "reference", decision.reference(),
					"status", decision.status().name(), "programme",
					(decision.programme() != null) ? decision.programme() : "", "reason",
					(decision.reason() != null) ? decision.reason() : "", "round", decision.round(), "institution",
					decision.institution(), "link",
					this.urls.of(decision.language(), "/applications/{id}", decision.id())));
			// An offer says what it is for, from when, on which conditions, and until
			// when
			// it can be answered.
			offers.getOrDefault(decision.id(), List.of())
				.stream()
				.filter((offer) -> offer.state() == OfferState.OPEN && offer.programmeId() == decision.programmeId())
				.findFirst()
				.ifPresent((offer) -> {
					model.putAll(Offers.mailModel(offer, decision.zone(), decision.monthOnly(), decision.language()));
					model.put("offer", true);
				});
			model.putIfAbsent("offer", false);
			model.put("refusal", (decision.refusal() != null) ? decision.refusal() : "");
			model.put("advice", (decision.advice() != null) ? decision.advice() : "");
			this.outbox.enqueue(decision.email(), "application-decision", model, decision.language(),
					List.of(this.letters.released(decision.id())));
			// In a joint round another institution may have offered its programme too.
			offers.getOrDefault(decision.id(), List.of())
				.stream()
				.filter((offer) -> offer.state() == OfferState.OPEN && offer.programmeId() != decision.programmeId())
				.forEach((offer) -> {
					Map<String, Object> another = new HashMap<>(
							Offers.mailModel(offer, decision.zone(), decision.monthOnly(), decision.language()));
					another.put("name", decision.name());
					another.put("reference", decision.reference());
					another.put("round", decision.round());
					another.put("link", this.urls.of(decision.language(), "/applications/{id}", decision.id()));
					this.outbox.enqueue(decision.email(), "offer-made", another, decision.language());
				});
		}
		this.records.notified(due.stream().map(Due::id).toList(), now);
		return due.size();
	}

	private record Due(UUID id, String reference, String email, String name, ApplicationStatus status, String reason,
			String refusal, String advice, long programmeId, String programme, String round, String institution,
			ZoneId zone, Locale language, boolean monthOnly) {

	}

}
