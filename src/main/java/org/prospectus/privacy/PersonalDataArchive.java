package org.prospectus.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.prospectus.decisions.Offers;
import org.prospectus.applications.ApplicationStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything the portal holds about an applicant, as one ZIP archive written straight to
 * the response: their account and sign-in records, each application with its answers,
 * choices, declaration, statuses as they were shown to the applicant, document checks and
 * documents, and every e-mail sent to them. The layout and formats are described in the
 * archive's own {@code README.txt} and in {@code docs/personal-data-archive.md}.
 * <p>
 * The facts are read first, in a few queries whatever the number of applications; then
 * the documents are copied one at a time, so that memory holds at most one document.
 */
@Service
public class PersonalDataArchive {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	PersonalDataArchive(JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/** The archive's file name: the applicant's data on this day. */
	public String fileName() {
		return "prospectus-my-data-" + this.clock.instant().toString().substring(0, 10) + ".zip";
	}

	/** Writes the archive of one applicant's data to {@code out}, and finishes it. */
	public void write(long applicantId, OutputStream out) throws IOException {
		Instant now = this.clock.instant();
		Map<String, Object> account = this.jdbc.sql("""
				select email, full_name, created_at, email_verified_at, last_sign_in_at
				from applicant where id = :id and closed_at is null""").param("id", applicantId).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("email", rs.getString("email"));
			row.put("fullName", rs.getString("full_name"));
			row.put("registeredAt", iso(rs.getTimestamp("created_at")));
			row.put("emailConfirmedAt", iso(rs.getTimestamp("email_verified_at")));
			row.put("lastSignInAt", iso(rs.getTimestamp("last_sign_in_at")));
			return row;
		}).single();
		String email = (String) account.get("email");
		List<Map<String, Object>> signIns = this.jdbc.sql("""
				select attempted_at, address, succeeded from sign_in_attempt
				where account_key = :key and audience = 'APPLICANT' order by attempted_at""")
			.param("key", email.toLowerCase(Locale.ROOT))
			.query((rs, n) -> map("at", iso(rs.getTimestamp("attempted_at")), "address", rs.getString("address"),
					"succeeded", rs.getBoolean("succeeded")))
			.list();
		account.put("signInRecords", signIns);
		List<Application> applications = applications(applicantId, now);
		List<Message> sent = this.jdbc.sql("""
				select created_at, sent_at, subject, text_body from mail_outbox
				where lower(recipient) = :email order by created_at, id""")
			.param("email", email.toLowerCase(Locale.ROOT))
			.query((rs, n) -> new Message(rs.getTimestamp("created_at").toInstant(), iso(rs.getTimestamp("sent_at")),
					rs.getString("subject"), rs.getString("text_body")))
			.list();

		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		entry(zip, "README.txt", readme(now).getBytes(StandardCharsets.UTF_8));
		entry(zip, "account.json", this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(account));
		for (Application application : applications) {
			String folder = "applications/" + application.reference() + "/";
			entry(zip, folder + "application.json",
					this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(application.facts()));
			for (Map<String, Object> document : application.documents()) {
				zip.putNextEntry(new ZipEntry(folder + "documents/" + document.get("file")));
				this.jdbc.sql("select content from application_document where id = :id")
					.param("id", document.get("id"))
					.query((rs) -> {
						try (InputStream content = rs.getBinaryStream("content")) {
							content.transferTo(zip);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
				zip.closeEntry();
			}
		}
		int n = 0;
		for (Message message : sent) {
			n++;
			String text = this.messages.getMessage("privacy.archive.message",
					new Object[] { message.subject(), message.createdAt().toString(),
							(message.sentAt() != null) ? message.sentAt()
									: this.messages.getMessage("privacy.archive.not-sent", null,
											LocaleContextHolder.getLocale()),
							message.body() },
					LocaleContextHolder.getLocale());
			entry(zip, String.format(Locale.ROOT, "messages/%03d-%s.txt", n,
					message.createdAt().toString().substring(0, 10)), text.getBytes(StandardCharsets.UTF_8));
		}
		zip.finish();
		zip.flush();
	}

	private List<Application> applications(long applicantId, Instant now) {
		List<Application> applications = this.jdbc.sql("""
				select a.id, a.reference, a.status, a.answers::text as answers, a.snapshot::text as snapshot,
				       a.created_at, a.updated_at, a.submitted_at, a.withdrawn_at, a.declaration_version, a.declared_at,
				       a.decision_reason, a.refusal_reason, a.refusal_advice, a.decided_at,
				       dp.title as decision_programme, r.name as round,
				       r.notification_at, i.name as institution
				from application a join application_round r on r.id = a.round_id
				join institution i on i.id = r.institution_id
				left join programme dp on dp.id = a.decision_programme_id
				where a.applicant_id = :id order by a.created_at, a.id""").param("id", applicantId).query((rs, n) -> {
			Instant notification = rs.getTimestamp("notification_at").toInstant();
			boolean visible = !now.isBefore(notification);
			ApplicationStatus status = ApplicationStatus.valueOf(rs.getString("status"));
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("reference", rs.getString("reference"));
			facts.put("institution", rs.getString("institution"));
			facts.put("round", rs.getString("round"));
			facts.put("status", shown(status.asShownToApplicant(visible)));
			facts.put("startedAt", iso(rs.getTimestamp("created_at")));
			facts.put("lastChangedAt", iso(rs.getTimestamp("updated_at")));
			facts.put("submittedAt", iso(rs.getTimestamp("submitted_at")));
			facts.put("withdrawnAt", iso(rs.getTimestamp("withdrawn_at")));
			if (rs.getString("declaration_version") != null) {
				facts.put("declaration", map("version", rs.getString("declaration_version"), "declaredAt",
						iso(rs.getTimestamp("declared_at")), "wording",
						this.messages.getMessage("application.declaration." + rs.getString("declaration_version"),
								new Object[] { rs.getString("institution") }, LocaleContextHolder.getLocale())));
			}
			if (visible && status.isDecision()) {
				facts.put("decision",
						map("status", shown(status), "programme", rs.getString("decision_programme"), "reason",
								rs.getString("decision_reason"), "refusalReason", rs.getString("refusal_reason"),
								"whatToDoNext", rs.getString("refusal_advice"), "shownFrom",
								iso(Timestamp.from(later(
										(rs.getTimestamp("decided_at") != null)
												? rs.getTimestamp("decided_at").toInstant() : notification,
										notification)))));
			}
			facts.put("answers", tree(rs.getString("answers")));
			facts.put("answersAsSubmitted", tree(rs.getString("snapshot")));
			return new Application(rs.getObject("id", UUID.class), rs.getString("reference"), notification, facts,
					new ArrayList<>());
		}).list();
		if (applications.isEmpty()) {
			return applications;
		}
		Map<UUID, Application> byId = applications.stream()
			.collect(Collectors.toMap(Application::id, (a) -> a, (a, b) -> a, LinkedHashMap::new));
		UUID[] ids = byId.keySet().toArray(UUID[]::new);
		Map<UUID, List<Object>> choices = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.application_id, c.rank, p.title, i.name as institution from application_choice c
				join programme p on p.id = c.programme_id join institution i on i.id = p.institution_id
				where c.application_id = any(:ids) order by c.application_id, c.rank""")
			.param("ids", ids)
			.query((rs) -> {
				choices.computeIfAbsent(rs.getObject("application_id", UUID.class), (k) -> new ArrayList<>())
					.add(map("rank", rs.getInt("rank"), "programme", rs.getString("title"), "institution",
							rs.getString("institution")));
			});
		Map<UUID, List<Object>> history = new LinkedHashMap<>();
		this.jdbc.sql("""
				select e.entity_uuid, e.occurred_at, c.after_value from audit_event e
				join audit_change c on c.event_id = e.id and c.field = 'status'
				where e.entity_uuid = any(:ids) and c.after_value is not null order by e.occurred_at, e.id""")
			.param("ids", ids)
			.query((rs) -> {
				Application application = byId.get(rs.getObject("entity_uuid", UUID.class));
				Instant at = rs.getTimestamp("occurred_at").toInstant();
				ApplicationStatus status = ApplicationStatus.valueOf(rs.getString("after_value"));
				if (status.isDecision() && now.isBefore(application.notification())) {
					// Not shown to the applicant yet, so not theirs to read yet either.
					return;
				}
				Instant shownAt = status.isDecision() ? later(at, application.notification()) : at;
				List<Object> lines = history.computeIfAbsent(application.id(), (k) -> new ArrayList<>());
				Map<String, Object> line = map("status", shown(status.asShownToApplicant(true)), "at",
						iso(Timestamp.from(shownAt)));
				if (lines.isEmpty()
						|| !((Map<?, ?>) lines.get(lines.size() - 1)).get("status").equals(line.get("status"))) {
					lines.add(line);
				}
			});
		Map<UUID, List<Object>> checks = new LinkedHashMap<>();
		this.jdbc.sql("""
				select application_id, kind, verdict, reason, checked_at from application_document_check
				where application_id = any(:ids) order by application_id, checked_at""")
			.param("ids", ids)
			.query((rs) -> {
				checks.computeIfAbsent(rs.getObject("application_id", UUID.class), (k) -> new ArrayList<>())
					.add(map("document", rs.getString("kind"), "verdict", rs.getString("verdict"), "reason",
							rs.getString("reason"), "at", iso(rs.getTimestamp("checked_at"))));
			});
		this.jdbc.sql("""
				select id, application_id, kind, stored_name, original_name, content_type, size, sha256, uploaded_at,
				       after_submission
				from application_document where application_id = any(:ids) order by application_id, uploaded_at, id""")
			.param("ids", ids)
			.query((rs) -> {
				byId.get(rs.getObject("application_id", UUID.class))
					.documents()
					.add(map("id", rs.getObject("id", UUID.class), "file", rs.getString("stored_name"), "originalName",
							rs.getString("original_name"), "kind", rs.getString("kind"), "contentType",
							rs.getString("content_type"), "bytes", rs.getLong("size"), "sha256", rs.getString("sha256"),
							"uploadedAt", iso(rs.getTimestamp("uploaded_at")), "afterSubmission",
							rs.getBoolean("after_submission")));
			});
		// Offers, once the applicant may see them, with each condition and the reply.
		Map<UUID, List<Object>> offers = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select o.id, o.application_id, p.title, o.state, o.made_at, o.replied_at, o.withdrawn_reason,
					       (select coalesce(json_agg(json_build_object('condition', c.text, 'state', c.state)
					                                 order by c.position), '[]')::text
					          from offer_condition c where c.offer_id = o.id) as conditions
					from offer o join programme p on p.id = o.programme_id
					join application_round r on r.id = o.round_id
					where o.application_id = any(:ids) and r.notification_at <= :now order by o.application_id, o.made_at""")
			.param("ids", ids)
			.param("now", Timestamp.from(now))
			.query((rs) -> {
				offers.computeIfAbsent(rs.getObject("application_id", UUID.class), (k) -> new ArrayList<>())
					.add(map("programme", rs.getString("title"), "state", rs.getString("state"), "madeAt",
							iso(rs.getTimestamp("made_at")), "repliedAt", iso(rs.getTimestamp("replied_at")),
							"withdrawnBecause", rs.getString("withdrawn_reason"), "conditions",
							tree(rs.getString("conditions"))));
			});
		// Referees, by name and state only: what they wrote is confidential, and their
		// address is theirs (issue 30).
		Map<UUID, List<Object>> referees = new LinkedHashMap<>();
		this.jdbc.sql("""
				select application_id, referee_name, state from reference_request
				where application_id = any(:ids) order by application_id, position""").param("ids", ids).query((rs) -> {
			referees.computeIfAbsent(rs.getObject("application_id", UUID.class), (k) -> new ArrayList<>())
				.add(map("name", rs.getString("referee_name"), "state", rs.getString("state")));
		});
		for (Application application : applications) {
			application.facts().put("referees", referees.getOrDefault(application.id(), List.of()));
			application.facts().put("offers", offers.getOrDefault(application.id(), List.of()));
			application.facts().put("choices", choices.getOrDefault(application.id(), List.of()));
			application.facts().put("statusHistory", history.getOrDefault(application.id(), List.of()));
			application.facts().put("documentChecks", checks.getOrDefault(application.id(), List.of()));
			application.facts()
				.put("documents",
						application.documents()
							.stream()
							.map((d) -> d.entrySet()
								.stream()
								.filter((e) -> !e.getKey().equals("id"))
								.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
										LinkedHashMap::new)))
							.toList());
		}
		return applications;
	}

	private String shown(ApplicationStatus status) {
		return this.messages.getMessage(status.messageKey(), null, LocaleContextHolder.getLocale());
	}

	private @Nullable JsonNode tree(@Nullable String text) {
		return (text != null) ? this.json.readTree(text) : null;
	}

	private String readme(Instant now) {
		return this.messages.getMessage("privacy.archive.readme", new Object[] { now.toString() },
				LocaleContextHolder.getLocale());
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static @Nullable String iso(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant().toString() : null;
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private record Application(UUID id, String reference, Instant notification, Map<String, Object> facts,
			List<Map<String, Object>> documents) {

	}

	private record Message(Instant createdAt, @Nullable String sentAt, String subject, String body) {

	}

}
