package org.prospectus.applications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.prospectus.applications.ApplicationDocuments.DocumentView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents an application needs, each missing, received, verified or rejected. A
 * staff verdict holds until the applicant uploads another file of that kind, which makes
 * it "received" again. The application's {@code missing_documents} column, which the
 * admissions queue filters on, is kept here and only here.
 */
@Component
@NamedInterface("api")
public class DocumentChecklist {

	/** Where one kind of document stands. */
	public enum State {

		MISSING, RECEIVED, VERIFIED, REJECTED;

		public String messageKey() {
			return "review.document.state." + name();
		}

	}

	/** A staff verdict on a kind of document. */
	public enum Verdict {

		VERIFIED, REJECTED

	}

	/**
	 * The SQL of "a required kind has no file that a later rejection does not cancel".
	 */
	private static final String MISSING_SQL = """
			exists (select 1 from unnest(cast(:required as varchar[])
			        || case when a.fee_status in ('DUE', 'RECEIPT_RECEIVED') then array['FEE_RECEIPT']::varchar[]
			                else array[]::varchar[] end)
			        as k (kind)
			    where not exists (select 1 from application_document d
			        where d.application_id = a.id and d.kind = k.kind
			        and not exists (select 1 from application_document_check c
			            where c.application_id = a.id and c.kind = k.kind and c.verdict = 'REJECTED'
			            and c.checked_at >= d.uploaded_at)))""";

	/**
	 * The SQL of where a fee that is owed stands, from the application's payments, fee
	 * receipts and their latest check: paid when the payment provider said so or staff
	 * verified the latest receipt; due when there is no receipt or staff refused the
	 * latest; else a receipt not yet checked (ADR 0026).
	 */
	public static final String FEE_SQL = """
			case when exists (select 1 from payment_event p
			                  where p.application_id = a.id and p.kind = 'PAYMENT_SUCCEEDED') then 'PAID'
			     else coalesce((select case when c.verdict = 'VERIFIED' then 'PAID' else 'DUE' end
			                    from application_document_check c
			                    where c.application_id = a.id and c.kind = 'FEE_RECEIPT'
			                    and c.checked_at >= (select max(d.uploaded_at) from application_document d
			                        where d.application_id = a.id and d.kind = 'FEE_RECEIPT')),
			                   case when exists (select 1 from application_document d
			                       where d.application_id = a.id and d.kind = 'FEE_RECEIPT')
			                        then 'RECEIPT_RECEIVED' else 'DUE' end)
			end""";

	private final JdbcClient jdbc;

	DocumentChecklist(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One line per kind the application needs or has: the required kinds, the fee receipt
	 * while the fee is owed, and any other kind uploaded.
	 * @param documents the application's documents, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Item> items(Application application, List<DocumentView> documents) {
		Set<DocumentKind> needed = needed(application);
		Map<DocumentKind, List<DocumentView>> byKind = new EnumMap<>(DocumentKind.class);
		documents
			.forEach((document) -> byKind.computeIfAbsent(document.kind(), (kind) -> new ArrayList<>()).add(document));
		Map<DocumentKind, Check> checks = new EnumMap<>(DocumentKind.class);
		this.jdbc.sql("""
				select kind, verdict, reason, checked_by, checked_at
				from application_document_check where application_id = :id""")
			.param("id", application.getId())
			.query((rs, n) -> new Check(DocumentKind.valueOf(rs.getString("kind")),
					Verdict.valueOf(rs.getString("verdict")), rs.getString("reason"), rs.getString("checked_by"),
					rs.getTimestamp("checked_at").toInstant()))
			.list()
			.forEach((check) -> checks.put(check.kind(), check));
		List<Item> items = new ArrayList<>();
		for (DocumentKind kind : DocumentKind.values()) {
			List<DocumentView> files = byKind.getOrDefault(kind, List.of());
			if (!needed.contains(kind) && files.isEmpty()) {
				continue;
			}
			Check check = checks.get(kind);
			Instant lastUpload = files.stream().map(DocumentView::uploadedAt).max(Instant::compareTo).orElse(null);
			State state;
			if (lastUpload == null) {
				state = State.MISSING;
			}
			else if (check != null && !check.at().isBefore(lastUpload)) {
				state = (check.verdict() == Verdict.VERIFIED) ? State.VERIFIED : State.REJECTED;
			}
			else {
				state = State.RECEIVED;
			}
			items.add(new Item(kind, needed.contains(kind), state, check, files));
		}
		return items;
	}

	/**
	 * Records a verdict on a kind of document, replacing any earlier one, and brings the
	 * missing-documents flag up to date.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID applicationId, DocumentKind kind, Verdict verdict, String reason, String actor,
			Instant at) {
		this.jdbc.sql("""
				insert into application_document_check (application_id, kind, verdict, reason, checked_by, checked_at)
				values (:id, :kind, :verdict, :reason, :actor, :at)
				on conflict (application_id, kind) do update
				set verdict = excluded.verdict, reason = excluded.reason, checked_by = excluded.checked_by,
				    checked_at = excluded.checked_at""")
			.param("id", applicationId)
			.param("kind", kind.name())
			.param("verdict", verdict.name())
			.param("reason", (verdict == Verdict.REJECTED) ? reason : null)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
		refresh(applicationId);
	}

	/**
	 * Recomputes whether a required document is missing or rejected, in one statement.
	 * Called after every upload to a submitted application and every verdict.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refresh(UUID applicationId) {
		// The fee first: whether a receipt is still needed follows from it. A fee that
		// was never owed, or was waived, stays as submitted.
		this.jdbc
			.sql("update application a set fee_status = " + FEE_SQL + " where a.id = :id and a.status <> 'DRAFT'"
					+ " and a.fee_status in ('DUE', 'RECEIPT_RECEIVED', 'PAID')")
			.param("id", applicationId)
			.update();
		this.jdbc.sql("update application a set missing_documents = " + MISSING_SQL + " where a.id = :id")
			.param("id", applicationId)
			.param("required", DocumentKind.REQUIRED.stream().map(Enum::name).toArray(String[]::new))
			.update();
	}

	/**
	 * Where an owed fee stands now, whether or not the application is submitted: paid,
	 * due, or a receipt not yet checked.
	 */
	@Transactional(readOnly = true)
	public FeeStatus owedFee(UUID applicationId) {
		return FeeStatus.valueOf(this.jdbc.sql("select " + FEE_SQL + " from application a where a.id = :id")
			.param("id", applicationId)
			.query(String.class)
			.single());
	}

	/**
	 * A receipt is needed while the fee is owed and not paid; once paid, a receipt sent
	 * is listed as any other file.
	 */
	private static Set<DocumentKind> needed(Application application) {
		Set<DocumentKind> needed = EnumSet.copyOf(DocumentKind.REQUIRED);
		FeeStatus fee = application.getFeeStatus();
		if (fee == FeeStatus.DUE || fee == FeeStatus.RECEIPT_RECEIVED) {
			needed.add(DocumentKind.FEE_RECEIPT);
		}
		return needed;
	}

	/**
	 * A staff verdict.
	 *
	 * @param reason why it was rejected; {@code null} when verified
	 */
	public record Check(DocumentKind kind, Verdict verdict, @Nullable String reason, String by, Instant at) {

	}

	/**
	 * One kind of document.
	 *
	 * @param required whether the application needs it
	 * @param check the latest verdict, which may be older than the latest file
	 * @param documents its files, oldest first
	 */
	public record Item(DocumentKind kind, boolean required, State state, Check check, List<DocumentView> documents) {

		/** Missing, or rejected and not replaced: what a request for documents names. */
		public boolean isOutstanding() {
			return this.required && (this.state == State.MISSING || this.state == State.REJECTED);
		}

	}

}
