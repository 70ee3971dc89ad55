package org.prospectus.applications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.support.SpooledUpload;
import org.prospectus.web.Formats;
import org.prospectus.web.NotFoundException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents of an application, for its applicant only: every method takes the
 * application's id and the signed-in applicant's, and a document is found only through an
 * application of theirs. A file is accepted by its content (see {@link UploadInspector}),
 * copied once to a temporary file to be checked, and streamed from there into the
 * database, which computes its SHA-256; it is stored under a name the server makes. A
 * draft's documents can be added and deleted; once submitted, documents can only be
 * added, until the round's documents deadline.
 */
@Service
@NamedInterface("api")
public class ApplicationDocuments {

	/** The largest file accepted, 10 MB. */
	public static final long MAX_SIZE = 10L * 1024 * 1024;

	/** The most documents one application may have. */
	public static final int MAX_DOCUMENTS = 20;

	private final ApplicationRepository applications;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final DocumentChecklist checklist;

	private final AuditLog auditLog;

	ApplicationDocuments(ApplicationRepository applications, JdbcClient jdbc, EntityManager entityManager, Clock clock,
			PlatformTransactionManager transactionManager, DocumentChecklist checklist, AuditLog auditLog) {
		this.applications = applications;
		this.checklist = checklist;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Checks an upload and stores it. The content is checked before any transaction
	 * starts; then the application is locked, so that concurrent uploads are counted one
	 * after the other against {@link #MAX_DOCUMENTS}, and the deadline is read from the
	 * injected clock.
	 * @param content the upload, read once
	 * @param size the size the upload declares
	 * @return the stored document
	 * @throws RejectedUploadException when it is not accepted; nothing is stored
	 * @throws NotFoundException when the application is not the applicant's
	 */
	public DocumentView upload(UUID id, long applicantId, DocumentKind kind, InputStream content, long size) {
		return upload(id, applicantId, kind, content, size, null);
	}

	/**
	 * As {@link #upload(UUID, long, DocumentKind, InputStream, long)}, keeping the name
	 * the file had on the applicant's computer to show beside it.
	 * @param originalName the name the browser sent, if any: only its last part is kept
	 */
	public DocumentView upload(UUID id, long applicantId, DocumentKind kind, InputStream content, long size,
			@Nullable String originalName) {
		if (size > MAX_SIZE) {
			throw new RejectedUploadException(RejectedUploadException.Reason.TOO_LARGE);
		}
		try (SpooledUpload upload = SpooledUpload.of("application-document-", content, MAX_SIZE,
				() -> new RejectedUploadException(RejectedUploadException.Reason.TOO_LARGE))) {
			if (upload.size() == 0) {
				throw new RejectedUploadException(RejectedUploadException.Reason.EMPTY);
			}
			UploadInspector.Type type = UploadInspector.inspect(upload.file());
			return this.transactions.execute((status) -> store(id, applicantId, kind, type, upload.file(),
					upload.size(), originalName(originalName)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the upload's temporary file", ex);
		}
	}

	/**
	 * The application's documents, oldest first; empty when it is not the applicant's.
	 */
	@Transactional(readOnly = true)
	public List<DocumentView> list(UUID id, long applicantId) {
		return this.jdbc.sql(DOCUMENTS_SQL + " and a.applicant_id = :applicantId order by d.uploaded_at, d.stored_name")
			.param("id", id)
			.param("applicantId", applicantId)
			.query(ApplicationDocuments::document)
			.list();
	}

	/** A submitted application's documents, oldest first, for admissions staff. */
	@Transactional(readOnly = true)
	public List<DocumentView> listForReview(UUID id) {
		return this.jdbc.sql(DOCUMENTS_SQL + " and a.status <> 'DRAFT' order by d.uploaded_at, d.stored_name")
			.param("id", id)
			.query(ApplicationDocuments::document)
			.list();
	}

	private static final String DOCUMENTS_SQL = """
			select d.id, d.kind, d.stored_name, d.content_type, d.size, d.sha256, d.uploaded_at, d.after_submission,
			       d.original_name
			from application_document d join application a on a.id = d.application_id
			where a.id = :id""";

	private static DocumentView document(ResultSet rs, int row) throws SQLException {
		return new DocumentView(rs.getObject("id", UUID.class), DocumentKind.valueOf(rs.getString("kind")),
				rs.getString("stored_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
				rs.getTimestamp("uploaded_at").toInstant(), rs.getBoolean("after_submission"),
				rs.getString("original_name"));
	}

	/**
	 * The file's own name as it can be shown: its last part only (a browser may send a
	 * path), without control or formatting characters (a right-to-left override can make
	 * "fdp.exe" read as "exe.pdf"), and at most 200 characters; none when nothing is
	 * left.
	 */
	static @Nullable String originalName(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String clean = last.replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
		if (clean.length() > 200) {
			clean = clean.substring(0, 200);
		}
		return clean.isEmpty() ? null : clean;
	}

	/** The kinds of document the application has, for its checks and fee status. */
	@Transactional(readOnly = true)
	public Set<DocumentKind> kinds(UUID applicationId) {
		Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
		this.jdbc.sql("select distinct kind from application_document where application_id = :id")
			.param("id", applicationId)
			.query(String.class)
			.list()
			.forEach((kind) -> kinds.add(DocumentKind.valueOf(kind)));
		return kinds;
	}

	/**
	 * Deletes a document of a draft. A submitted application's documents stay.
	 * @return what happened
	 */
	@Transactional
	public DeleteOutcome delete(UUID id, long applicantId, UUID documentId) {
		Application application = this.applications.lockOwned(id, applicantId)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		this.entityManager.refresh(application);
		if (!application.isDraft()) {
			return DeleteOutcome.NOT_DRAFT;
		}
		String deleted = this.jdbc
			.sql("delete from application_document where id = :document and application_id = :id returning stored_name")
			.param("document", documentId)
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
		if (deleted == null) {
			return DeleteOutcome.NOT_FOUND;
		}
		this.auditLog.recordFor(AuditAction.DELETE, Application.AUDIT_TYPE, id,
				"Deleted " + deleted + " from the draft", List.of(new FieldChange("document", deleted, null)));
		return DeleteOutcome.DELETED;
	}

	/**
	 * Writes a document to the stream {@code target} gives once it knows what it is
	 * sending, so that headers can be set first.
	 * @return whether the applicant's application has that document
	 */
	@Transactional(readOnly = true)
	public boolean send(UUID id, long applicantId, UUID documentId, DocumentTarget target) {
		return send(list(id, applicantId), id, documentId, target);
	}

	/**
	 * As {@link #send(UUID, long, UUID, DocumentTarget)} for admissions staff: any
	 * submitted application's document. The caller records the access in its own
	 * transaction.
	 */
	@Transactional(readOnly = true)
	public boolean sendForReview(UUID id, UUID documentId, DocumentTarget target) {
		return send(listForReview(id), id, documentId, target);
	}

	/**
	 * Sends one fee receipt of an application, draft or not, to staff who may check it.
	 */
	public boolean sendReceipt(UUID id, UUID documentId, DocumentTarget target) {
		List<DocumentView> receipts = this.jdbc.sql(DOCUMENTS_SQL + " and d.kind = 'FEE_RECEIPT'")
			.param("id", id)
			.query(ApplicationDocuments::document)
			.list();
		return send(receipts, id, documentId, target);
	}

	private boolean send(List<DocumentView> documents, UUID id, UUID documentId, DocumentTarget target) {
		DocumentView document = documents.stream()
			.filter((candidate) -> candidate.id().equals(documentId))
			.findFirst()
			.orElse(null);
		if (document == null) {
			return false;
		}
		OutputStream out;
		try {
			out = target.open(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.jdbc.sql("select content from application_document where id = :document and application_id = :id")
			.param("document", documentId)
			.param("id", id)
			.query((rs) -> {
				try (InputStream in = rs.getBinaryStream("content")) {
					in.transferTo(out);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		return true;
	}

	/**
	 * Whether documents can be added now: to a draft always; to a submitted application
	 * until the documents deadline, or the later date staff asked for documents by
	 * (inclusive, to the second). A decision does not close it: the applicant has not
	 * been told of it, and a refused upload would tell.
	 */
	public boolean canAdd(Application application) {
		return application.isDraft()
				|| (application.getStatus().isSubmitted() && !this.clock.instant().isAfter(dueAt(application)));
	}

	/**
	 * The last instant documents are accepted for a submitted application: as
	 * {@link #documentsDueAt}, or later when staff let this applicant send them late.
	 */
	public Instant dueAt(Application application) {
		Instant due = documentsDueAt(application);
		Instant excepted = this.applications
			.findExceptionUntil(application.getRoundId(), application.getApplicant().getId(),
					ApplicationService.DOCUMENTS_EXCEPTION)
			.orElse(null);
		return (excepted != null && excepted.isAfter(due)) ? excepted : due;
	}

	/** The last instant documents are accepted for a submitted application. */
	public static Instant documentsDueAt(Application application) {
		Instant deadline = application.getRound().getDocumentsDeadlineAt();
		Instant requested = application.getDocumentsRequestedBy();
		return (requested != null && requested.isAfter(deadline)) ? requested : deadline;
	}

	/** The documents deadline as the institution states it: local time, zone named. */
	public static String documentsDeadline(ApplicationRound round) {
		return documentsDeadline(round, round.getDocumentsDeadlineAt());
	}

	/** A documents due date as the institution states it: local time, zone named. */
	public static String documentsDeadline(ApplicationRound round, Instant due) {
		return Formats.at(due, round.getZone(), LocaleContextHolder.getLocale());
	}

	private DocumentView store(UUID id, long applicantId, DocumentKind kind, UploadInspector.Type type, Path file,
			long size, @Nullable String originalName) {
		Application application = this.applications.lockOwned(id, applicantId)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		this.entityManager.refresh(application);
		Instant now = this.clock.instant();
		if (application.getStatus() == ApplicationStatus.WITHDRAWN) {
			throw new RejectedUploadException(RejectedUploadException.Reason.WITHDRAWN);
		}
		boolean afterSubmission = !application.isDraft();
		ApplicationRound round = application.getRound();
		if (afterSubmission && now.isAfter(dueAt(application))) {
			throw new RejectedUploadException(RejectedUploadException.Reason.DEADLINE_PASSED,
					documentsDeadline(round, dueAt(application)));
		}
		List<String> names = this.jdbc.sql("select stored_name from application_document where application_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
		if (names.size() >= MAX_DOCUMENTS) {
			throw new RejectedUploadException(RejectedUploadException.Reason.TOO_MANY_FILES);
		}
		// Numbered per kind, whatever the type: ABCD2345-transcript-1.pdf, then -2.png.
		String prefix = application.getReference() + "-" + kind.slug() + "-";
		int n = 1;
		while (names.stream().anyMatch(numbered(prefix, n))) {
			n++;
		}
		String name = prefix + n + "." + type.extension;
		UUID documentId = UUID.randomUUID();
		String sha256;
		try (InputStream in = Files.newInputStream(file)) {
			sha256 = this.jdbc.sql("""
					insert into application_document
					(id, application_id, kind, stored_name, content_type, size, content, uploaded_at, after_submission,
					 original_name)
					values (:document, :id, :kind, :name, :type, :size, :content, :at, :after, :original)
					returning sha256""")
				.param("document", documentId)
				.param("id", id)
				.param("kind", kind.name())
				.param("name", name)
				.param("type", type.contentType)
				.param("size", size)
				.param("content", new SqlBinaryValue(in, size))
				.param("at", Timestamp.from(now))
				.param("after", afterSubmission)
				.param("original", originalName)
				.query(String.class)
				.single();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (afterSubmission) {
			this.checklist.refresh(id);
		}
		this.auditLog.recordFor(AuditAction.UPLOAD, Application.AUDIT_TYPE, id,
				"Uploaded " + name + (afterSubmission ? " after submitting" : ""), List.of(new FieldChange("document",
						null, name + " (" + type.contentType + ", " + size + " bytes, SHA-256 " + sha256 + ")")));
		return new DocumentView(documentId, kind, name, type.contentType, size, sha256, now, afterSubmission,
				originalName);
	}

	private static Predicate<String> numbered(String prefix, int n) {
		return (name) -> name.startsWith(prefix + n + ".");
	}

	/**
	 * A stored document, as its applicant sees it.
	 *
	 * @param id its random id
	 * @param kind what it is
	 * @param storedName the name the server gave it
	 * @param contentType the type its content was found to be
	 * @param size its size in bytes
	 * @param sha256 SHA-256 of its content, hex, computed by the database
	 * @param uploadedAt when it was uploaded
	 * @param afterSubmission whether it was added after the application was submitted
	 * @param originalName the name the file had on the applicant's computer, if known
	 */
	public record DocumentView(UUID id, DocumentKind kind, String storedName, String contentType, long size,
			String sha256, Instant uploadedAt, boolean afterSubmission, @Nullable String originalName) {

		/**
		 * The name to show: the file's own, or the server's for a file kept without it.
		 */
		public String shownName() {
			return (this.originalName != null) ? this.originalName : this.storedName;
		}

	}

	/** What a delete did. */
	public enum DeleteOutcome {

		DELETED, NOT_FOUND, NOT_DRAFT

	}

	/** Where a document is written once it is known what is sent. */
	@FunctionalInterface
	public interface DocumentTarget {

		/**
		 * Only a PDF or image viewer may show a document, never as a page of this site.
		 */
		String STAFF_POLICY = "default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox";

		OutputStream open(DocumentView document) throws IOException;

		/**
		 * A response that sends a document to staff: shown in the browser or, as an
		 * attachment, saved; never cached, never sniffed, with a policy that lets nothing
		 * in it run.
		 */
		static DocumentTarget toStaff(jakarta.servlet.http.HttpServletResponse response, boolean attachment) {
			return (document) -> toStaff(response, document.contentType(), document.size(), document.storedName(),
					attachment);
		}

		/**
		 * As {@link #toStaff(jakarta.servlet.http.HttpServletResponse, boolean)}, for any
		 * file.
		 */
		static OutputStream toStaff(jakarta.servlet.http.HttpServletResponse response, String contentType, long size,
				String name, boolean attachment) throws IOException {
			response.setContentType(contentType);
			response.setContentLengthLong(size);
			org.springframework.http.ContentDisposition.Builder disposition = attachment
					? org.springframework.http.ContentDisposition.attachment()
					: org.springframework.http.ContentDisposition.inline();
			response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString());
			response.setHeader("Content-Security-Policy", STAFF_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store");
			return response.getOutputStream();
		}

	}

}
