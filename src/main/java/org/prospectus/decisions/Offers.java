package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.prospectus.applications.DecisionRecords;
import org.prospectus.applications.ApplicationWithdrawn;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.mail.MailOutbox;
import org.prospectus.web.Formats;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.PublicUrls;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers and the applicant's replies (ADR 0024). An application admitted to a programme
 * holds an open offer of it, with the conditions staff set; from the round's notification
 * date the applicant accepts or declines it until its reply-by instant. Everything that
 * changes an offer holds the application's row lock, so a reply, a staff change and the
 * reply-by job are never interleaved.
 */
@Service
@NamedInterface("api")
public class Offers {

	/** The last second of a day, where a deadline that names only a day ends. */
	static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	/**
	 * When an offer's reply window closes: its own, else the round's reply-by, else the
	 * start of studies. SQL over {@code offer o} and {@code application_round r}.
	 */
	static final String REPLY_BY = "coalesce(o.reply_by_at, r.reply_by_at, r.studies_start_at)";

	private static final TypeReference<Map<String, String>> TITLES = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final ApplicationFinder applications;

	private final MailOutbox outbox;

	private final AuditLog auditLog;

	private final Clock clock;

	private final PublicUrls urls;

	private final Duration replyWindow;

	private final ApplicationEventPublisher events;

	private final DecisionRecords records;

	Offers(JdbcClient jdbc, ApplicationFinder applications, MailOutbox outbox, AuditLog auditLog, Clock clock,
			PublicUrls urls, @Value("${prospectus.offers.reply-window:P7D}") Duration replyWindow,
			ApplicationEventPublisher events, DecisionRecords records) {
		this.records = records;
		this.events = events;
		this.jdbc = jdbc;
		this.applications = applications;
		this.outbox = outbox;
		this.auditLog = auditLog;
		this.clock = clock;
		this.urls = urls;
		this.replyWindow = replyWindow;
	}

	/**
	 * Keeps the offer in step with a decision just recorded on a locked application: an
	 * admission makes an open offer of its programme with the given conditions, and a
	 * decision taken back before the applicant was told removes it.
	 * @param conditions the conditions as staff chose and typed them, in order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void decided(Application application, ApplicationStatus before, List<String> conditions) {
		if (before == ApplicationStatus.ADMITTED && application.getStatus() != ApplicationStatus.ADMITTED) {
			this.jdbc.sql("delete from offer where application_id = :id and state = 'OPEN'")
				.param("id", application.getId())
				.update();
		}
		if (application.getStatus() == ApplicationStatus.RESERVE && before != ApplicationStatus.RESERVE) {
			this.records.lastOnReserveList(application);
		}
		else if (before == ApplicationStatus.RESERVE && application.getStatus() != ApplicationStatus.RESERVE) {
			this.records.offReserveList(application.getId());
		}
		if (application.getStatus() != ApplicationStatus.ADMITTED || before == ApplicationStatus.ADMITTED) {
			return;
		}
		make(application, application.getDecisionProgrammeId(), conditions);
	}

	/**
	 * Makes an open offer of a programme on an admitted application, with its conditions
	 * in order: the decision's own, or another ranked programme's in a joint round.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void make(Application application, long programmeId, List<String> conditions) {
		Instant now = this.clock.instant();
		ApplicationRound round = application.getRound();
		long offerId = this.jdbc.sql("""
				insert into offer (application_id, programme_id, round_id, made_at, reply_by_at)
				values (:application, :programme, :round, :at, :replyBy)
				returning id""")
			.param("application", application.getId())
			.param("programme", programmeId)
			.param("round", round.getId())
			.param("at", Timestamp.from(now))
			.param("replyBy", timestamp(ownReplyBy(round, now)))
			.query(Long.class)
			.single();
		int position = 0;
		for (String condition : conditions) {
			this.jdbc.sql("insert into offer_condition (offer_id, position, text) values (:offer, :position, :text)")
				.param("offer", offerId)
				.param("position", position++)
				.param("text", condition)
				.update();
		}
	}

	/**
	 * An offer made late gets a reply window of its own: at least
	 * {@code prospectus.offers.reply-window} from when the applicant can first see it,
	 * never past the start of studies. Otherwise the round's reply-by holds.
	 */
	private @Nullable Instant ownReplyBy(ApplicationRound round, Instant now) {
		Instant window = replyWindowEnd(round, now);
		Instant roundReplyBy = (round.getReplyByAt() != null) ? round.getReplyByAt() : round.getStudiesStartAt();
		return roundReplyBy.isBefore(window) ? window : null;
	}

	/**
	 * The end of a reply window of its own for an offer made now: the end of the day
	 * (23:59:59 in the institution's zone) {@code prospectus.offers.reply-window} after
	 * the applicant can first see it, never past the start of studies.
	 */
	Instant replyWindowEnd(ApplicationRound round, Instant now) {
		Instant seen = now.isAfter(round.getNotificationAt()) ? now : round.getNotificationAt();
		// The end of the day the window ends on, in the institution's zone, as every
		// other deadline: a window counted from the instant an offer was made would end
		// at that time of day, a reply-by of 04:08.
		ZoneId zone = round.getZone();
		Instant end = seen.plus(this.replyWindow)
			.atZone(zone)
			.toLocalDate()
			.atTime(END_OF_DAY)
			.atZone(zone)
			.toInstant();
		return end.isBefore(round.getStudiesStartAt()) ? end : round.getStudiesStartAt();
	}

	/** An application's offers with their conditions, oldest first, in two statements. */
	@Transactional(readOnly = true)
	public List<Offer> of(UUID applicationId) {
		return of(List.of(applicationId)).getOrDefault(applicationId, List.of());
	}

	/**
	 * The offers of several applications by application, each oldest first, in two
	 * statements whatever their number.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<Offer>> of(List<UUID> applicationIds) {
		if (applicationIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<Condition>> conditions = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.offer_id, c.id, c.text, c.state, c.changed_at from offer_condition c
				join offer o on o.id = c.offer_id where o.application_id in (:ids) order by c.offer_id, c.position""")
			.param("ids", applicationIds)
			.query((rs) -> {
				conditions.computeIfAbsent(rs.getLong("offer_id"), (key) -> new ArrayList<>())
					.add(new Condition(rs.getLong("id"), rs.getString("text"),
							ConditionState.valueOf(rs.getString("state")), instant(rs.getTimestamp("changed_at"))));
			});
		Map<UUID, List<Offer>> offers = new LinkedHashMap<>();
		this.jdbc.sql("""
				select o.id, o.application_id, o.programme_id, o.round_id, o.promoted, p.title, i.name as institution,
				       (select jsonb_object_agg(t.key, t.value ->> 'title') from jsonb_each(p.translations) t
				        where t.value ->> 'title' <> '') as titles,
				       (select jsonb_object_agg(t.key, t.value ->> 'name') from jsonb_each(i.translations) t
				        where t.value ->> 'name' <> '') as names,
				       o.state, o.made_at, o.replied_at, o.withdrawn_reason, o.version, r.studies_start_at,
				       %s as reply_by
				from offer o
				join programme_titles_for_decisions p on p.id = o.programme_id
				join institution_settings_for_decisions i on i.id = p.institution_id
				join intake_rounds_for_decisions r on r.id = o.round_id
				where o.application_id in (:ids) order by o.made_at, o.id""".formatted(REPLY_BY))
			.param("ids", applicationIds)
			.query((rs) -> {
				UUID application = rs.getObject("application_id", UUID.class);
				offers.computeIfAbsent(application, (key) -> new ArrayList<>())
					.add(new Offer(rs.getLong("id"), application, rs.getLong("programme_id"), rs.getLong("round_id"),
							rs.getBoolean("promoted"), rs.getString("title"), rs.getString("institution"),
							OfferState.valueOf(rs.getString("state")), rs.getTimestamp("made_at").toInstant(),
							instant(rs.getTimestamp("replied_at")), rs.getTimestamp("reply_by").toInstant(),
							rs.getTimestamp("studies_start_at").toInstant(), rs.getString("withdrawn_reason"),
							rs.getLong("version"), conditions.getOrDefault(rs.getLong("id"), List.of()),
							titles(rs.getString("titles")), titles(rs.getString("names"))));
			});
		return offers;
	}

	/** One of the applicant's offers, if it is theirs and they may see it. */
	@Transactional(readOnly = true)
	public Optional<Offer> shown(Application application, long offerId) {
		if (!application.isResultVisible(this.clock.instant())) {
			return Optional.empty();
		}
		return of(application.getId()).stream().filter((offer) -> offer.id() == offerId).findFirst();
	}

	/**
	 * Accepts an open offer before its reply-by instant, and declines the applicant's
	 * other open offers in the round, which are the application's: one acceptance per
	 * round.
	 */
	@Transactional
	public Reply accept(UUID applicationId, long applicantId, long offerId) {
		Application application = lockOwned(applicationId, applicantId);
		Instant now = this.clock.instant();
		Optional<Offer> found = shown(application, offerId);
		Reply refused = refusal(found, now, OfferState.OPEN);
		if (refused != null) {
			return refused;
		}
		Offer offer = found.get();
		setState(offer.id(), OfferState.ACCEPTED, now);
		List<Offer> others = of(applicationId).stream()
			.filter((other) -> other.id() != offerId && other.state() == OfferState.OPEN)
			.toList();
		for (Offer other : others) {
			setState(other.id(), OfferState.DECLINED, now);
			freed(other);
		}
		List<FieldChange> changes = new ArrayList<>();
		changes.add(offerChange(offer, OfferState.ACCEPTED));
		others.forEach((other) -> changes.add(offerChange(other, OfferState.DECLINED)));
		this.auditLog.recordFor(AuditAction.REPLY, Application.AUDIT_TYPE, applicationId,
				"Accepted the offer of " + offer.programme() + " (" + application.getReference() + ")", changes);
		Locale language = application.getApplicant().getLanguage();
		mail(application, offer, "offer-accepted",
				Map.of("declined", others.stream().map((other) -> other.programmeIn(language)).toList()));
		return Reply.DONE;
	}

	/**
	 * Declines an open or accepted offer before its reply-by instant; a declined place is
	 * free for the next applicant.
	 */
	@Transactional
	public Reply decline(UUID applicationId, long applicantId, long offerId) {
		Application application = lockOwned(applicationId, applicantId);
		Instant now = this.clock.instant();
		Optional<Offer> found = shown(application, offerId);
		Reply refused = refusal(found, now, OfferState.OPEN, OfferState.ACCEPTED);
		if (refused != null) {
			return refused;
		}
		Offer offer = found.get();
		setState(offer.id(), OfferState.DECLINED, now);
		freed(offer);
		this.auditLog.recordFor(AuditAction.REPLY, Application.AUDIT_TYPE, applicationId,
				"Declined the offer of " + offer.programme() + " (" + application.getReference() + ")",
				List.of(offerChange(offer, OfferState.DECLINED)));
		mail(application, offer, "offer-declined", Map.of());
		return Reply.DONE;
	}

	/**
	 * An offer's change of state as the audit log records it: "Machine Learning: OPEN".
	 */
	static FieldChange offerChange(Offer offer, OfferState to) {
		return new FieldChange("offer", offer.programme() + ": " + offer.state().name(),
				offer.programme() + ": " + to.name());
	}

	private static @Nullable Reply refusal(Optional<Offer> found, Instant now, OfferState... from) {
		if (found.isEmpty()) {
			return Reply.NOT_FOUND;
		}
		Offer offer = found.get();
		if (!List.of(from).contains(offer.state())) {
			return Reply.CLOSED;
		}
		return now.isBefore(offer.replyBy()) ? null : Reply.TOO_LATE;
	}

	/**
	 * The applicant withdrew the application: once the withdrawal has committed, in a
	 * transaction of its own, every offer that still holds a place is declined, under the
	 * application's row lock as every change of an offer. Handed the same event again
	 * (after a crash or a failure, ADR 0031) it declines nothing twice. Its id names it
	 * in the event publication registry, whatever class or package it moves to.
	 */
	@ApplicationModuleListener(id = "offers.application-withdrawn")
	void on(ApplicationWithdrawn withdrawn) {
		this.jdbc.sql("select id from applications_standing_for_decisions where id = :id for update")
			.param("id", withdrawn.applicationId())
			.query(UUID.class)
			.optional();
		withdrawn(withdrawn.applicationId(), withdrawn.at());
	}

	/** Declines every offer of the locked application that holds a place. */
	@Transactional(propagation = Propagation.MANDATORY)
	void withdrawn(UUID applicationId, Instant at) {
		for (Offer offer : of(applicationId)) {
			if (offer.state().holdsPlace()) {
				setState(offer.id(), OfferState.DECLINED, at);
				freed(offer);
			}
		}
	}

	/**
	 * Says that an offer no longer holds its place, for the reserve list to fill it once
	 * this transaction has committed ({@link Promotions}).
	 */
	void freed(Offer offer) {
		this.events.publishEvent(new PlaceFreed(offer.roundId(), offer.programmeId()));
	}

	/**
	 * A place on a programme in a round was freed; kept in the event publication registry
	 * until {@link Promotions} has filled it (ADR 0031).
	 *
	 * @param roundId the round
	 * @param programmeId the programme
	 */
	public record PlaceFreed(long roundId, long programmeId) {

	}

	void setState(long offerId, OfferState state, Instant at) {
		this.jdbc.sql("update offer set state = :state, replied_at = :at, version = version + 1 where id = :id")
			.param("state", state.name())
			.param("at", Timestamp.from(at))
			.param("id", offerId)
			.update();
	}

	/**
	 * E-mails the applicant about one of their offers, through the outbox, with what
	 * every offer e-mail says: the programme, its start, the conditions and the reply-by.
	 */
	void mail(Application application, Offer offer, String template, Map<String, Object> extra) {
		ApplicationRound round = application.getRound();
		Locale language = application.getApplicant().getLanguage();
		Map<String, Object> model = new LinkedHashMap<>(
				mailModel(offer, round.getZone(), round.getSchedule().studiesStartMonthOnly(), language));
		model.put("name", application.getFullName());
		model.put("reference", application.getReference());
		model.put("round", round.textIn(language, "name"));
		model.put("link", this.urls.of(language, "/applications/{id}", application.getId()));
		model.putAll(extra);
		this.outbox.enqueue(application.getEmail(), template, model, language);
	}

	/** Titles or names the statement reads as one JSON object, language to text. */
	private Map<String, String> titles(@Nullable String json) {
		return (json != null) ? this.json.readValue(json, TITLES) : Map.of();
	}

	/** What an e-mail says of an offer. */
	static Map<String, Object> mailModel(Offer offer, ZoneId zone, boolean monthOnly, Locale locale) {
		String start = DateTimeFormatter.ofPattern(monthOnly ? "MMMM uuuu" : "d MMMM uuuu", locale)
			.withZone(zone)
			.format(offer.studiesStart());
		return Map.of("programme", offer.programmeIn(locale), "institution", offer.institutionIn(locale), "start",
				start, "replyBy", Formats.at(offer.replyBy(), zone, locale), "conditions",
				offer.conditions()
					.stream()
					.map((condition) -> new MailCondition(condition.text(), condition.state().name()))
					.toList(),
				"conditional", offer.isConditional());
	}

	private Application lockOwned(UUID applicationId, long applicantId) {
		Application application = this.applications.lockOwned(applicationId, applicantId)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		return application;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** What became of an applicant's reply. */
	public enum Reply {

		DONE,
		/** No such offer of theirs, or not yet released. */
		NOT_FOUND,
		/** Replied to already, declined by default or withdrawn. */
		CLOSED,
		/** The reply-by instant has passed. */
		TOO_LATE

	}

	/**
	 * A condition as an e-mail lists it.
	 *
	 * @param text the condition
	 * @param state PENDING, MET or NOT_MET
	 */
	public record MailCondition(String text, String state) {

	}

	/**
	 * An offer as its pages show it.
	 *
	 * @param id the offer's id
	 * @param applicationId the application it was made on
	 * @param programmeId the programme offered
	 * @param roundId the round it was made in
	 * @param promoted whether it was made from the reserve list
	 * @param programme the programme's title
	 * @param institution the institution that gives it
	 * @param state the reply
	 * @param madeAt when staff made it
	 * @param repliedAt when it was accepted, declined or lapsed
	 * @param replyBy the last instant to reply
	 * @param studiesStart when the programme starts
	 * @param withdrawnReason why the institution withdrew it
	 * @param version changes with every change, for staff forms
	 * @param conditions its conditions in order; none for an unconditional offer
	 * @param programmeTitles the programme's title in other languages, by language
	 * @param institutionNames the institution's name in other languages, by language
	 */
	public record Offer(long id, UUID applicationId, long programmeId, long roundId, boolean promoted, String programme,
			String institution, OfferState state, Instant madeAt, @Nullable Instant repliedAt, Instant replyBy,
			Instant studiesStart, @Nullable String withdrawnReason, long version, List<Condition> conditions,
			Map<String, String> programmeTitles, Map<String, String> institutionNames) {

		/**
		 * The programme's title in a language, for the applicant's pages and e-mails: its
		 * translation, else the title in the institution's main language.
		 */
		public String programmeIn(Locale language) {
			return this.programmeTitles.getOrDefault(language.toLanguageTag(), this.programme);
		}

		/** The institution's name in a language, as {@link #programmeIn} the title. */
		public String institutionIn(Locale language) {
			return this.institutionNames.getOrDefault(language.toLanguageTag(), this.institution);
		}

		/** Conditional while any condition is not met. */
		public boolean isConditional() {
			return this.conditions.stream().anyMatch((condition) -> condition.state() != ConditionState.MET);
		}

		/** A condition was not met, so staff may withdraw the offer. */
		public boolean hasUnmetCondition() {
			return this.conditions.stream().anyMatch((condition) -> condition.state() == ConditionState.NOT_MET);
		}

		/** The applicant may still reply at this instant. */
		public boolean canAccept(Instant now) {
			return this.state == OfferState.OPEN && now.isBefore(this.replyBy);
		}

		/** The applicant may still decline at this instant, accepted or not. */
		public boolean canDecline(Instant now) {
			return this.state.holdsPlace() && now.isBefore(this.replyBy);
		}

	}

	/**
	 * One condition of an offer.
	 *
	 * @param id the condition's id
	 * @param text what must be met
	 * @param state whether it is
	 * @param changedAt when staff last recorded it
	 */
	public record Condition(long id, String text, ConditionState state, @Nullable Instant changedAt) {

	}

}
