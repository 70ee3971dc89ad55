package org.prospectus.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.support.PdfCheck;
import org.prospectus.support.SpooledUpload;

import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A programme's course description document, for catalogue editors. An upload is staged:
 * the public keeps the published document until the programme is published again, when
 * {@link #promotePending} makes the staged one public. A file is accepted only when its
 * content is a readable, unencrypted PDF of at most {@link #MAX_SIZE} bytes, whatever its
 * name or declared type; it is stored under a name the server chooses. Every change lands
 * in the audit log.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@NamedInterface("api")
public class ProgrammeDocuments {

	/** The largest document accepted, 10 MB. */
	public static final long MAX_SIZE = 10L * 1024 * 1024;

	static final String ENTITY_TYPE = "programme-document";

	static final String CONTENT_TYPE = "application/pdf";

	private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final EditableProgrammes editable;

	ProgrammeDocuments(JdbcClient jdbc, AuditLog auditLog, Clock clock, PlatformTransactionManager transactionManager,
			EditableProgrammes editable) {
		this.editable = editable;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Checks an upload and stages it, replacing any earlier staged one. The file is
	 * copied once to a temporary file (to count and parse it without holding it in
	 * memory) and streamed from there to the database, which computes its SHA-256; the
	 * check runs before any transaction starts.
	 * @param programmeId the programme
	 * @param originalFilename the name the browser sent; only recorded in the audit log
	 * @param content the upload
	 * @param size the size the upload declares
	 * @return what is now staged
	 * @throws RejectedDocumentException when the file is not accepted; nothing is stored
	 * @throws org.prospectus.web.NotFoundException when there is no such programme, or it
	 * is another institution's
	 */
	public Pending stage(long programmeId, String originalFilename, InputStream content, long size) {
		this.transactions.executeWithoutResult((status) -> this.editable.check(programmeId));
		if (size > MAX_SIZE) {
			throw new RejectedDocumentException(RejectedDocumentException.Reason.TOO_LARGE);
		}
		try (SpooledUpload upload = SpooledUpload.of("programme-document-", content, MAX_SIZE,
				() -> new RejectedDocumentException(RejectedDocumentException.Reason.TOO_LARGE))) {
			check(upload.file(), upload.size());
			return this.transactions
				.execute((status) -> store(programmeId, originalFilename, upload.file(), upload.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the upload's temporary file", ex);
		}
	}

	/** What is staged for a programme, if anything. */
	@Transactional(readOnly = true)
	public Optional<Pending> pending(long programmeId) {
		this.editable.check(programmeId);
		return this.jdbc.sql("""
				select d.filename, d.size, d.sha256, d.uploaded_at, s.email
				from programme_document_draft d left join account_emails_for_programme s on s.id = d.uploaded_by
				where d.programme_id = :id""")
			.param("id", programmeId)
			.query((rs, n) -> new Pending(rs.getString("filename"), rs.getLong("size"), rs.getString("sha256"),
					rs.getTimestamp("uploaded_at").toInstant(), rs.getString("email")))
			.optional();
	}

	/**
	 * Writes the staged document to the stream {@code target} gives once it knows what it
	 * is sending, so that headers can be set first.
	 * @return whether there was a staged document
	 */
	@Transactional(readOnly = true)
	public boolean sendPending(long programmeId, DocumentTarget target) {
		Optional<Pending> pending = pending(programmeId);
		if (pending.isEmpty()) {
			return false;
		}
		OutputStream out;
		try {
			out = target.open(pending.get().filename(), pending.get().size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.jdbc.sql("select content from programme_document_draft where programme_id = :id")
			.param("id", programmeId)
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
	 * Makes the staged document the public one, in the caller's transaction (publishing
	 * the programme). The bytes are copied inside the database.
	 * @return whether there was a staged document
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean promotePending(long programmeId) {
		Optional<Pending> pending = pending(programmeId);
		if (pending.isEmpty()) {
			return false;
		}
		Programme programme = this.editable.get(programmeId);
		String sha256Before = this.jdbc.sql("select sha256 from programme_document where programme_id = :id")
			.param("id", programmeId)
			.query(String.class)
			.optional()
			.orElse(null);
		this.jdbc.sql("""
				insert into programme_document (programme_id, content_type, content)
				select programme_id, content_type, content from programme_document_draft where programme_id = :id
				on conflict (programme_id) do update
				set content_type = excluded.content_type, content = excluded.content""")
			.param("id", programmeId)
			.update();
		this.jdbc.sql("delete from programme_document_draft where programme_id = :id")
			.param("id", programmeId)
			.update();
		Pending document = pending.get();
		FieldChange.Diff diff = new FieldChange.Diff()
			.field("admin.programme-document.audit.filename", programme.getDocumentFilename(), document.filename())
			.field("admin.programme-document.audit.size", programme.getDocumentSize(), document.size())
			.field("admin.programme-document.audit.sha256", sha256Before, document.sha256());
		programme.describeDocument(document.filename(), document.size());
		this.auditLog.record(AuditAction.PUBLISH, ENTITY_TYPE, programmeId, "Published the course description of "
				+ programme.getTitle() + " of " + programme.getInstitution().getName(), diff.changes());
		return true;
	}

	/**
	 * Throws away the staged document, if any.
	 * @return whether there was one
	 */
	@Transactional
	public boolean discardPending(long programmeId) {
		Optional<Pending> pending = pending(programmeId);
		if (pending.isEmpty()) {
			return false;
		}
		Programme programme = this.editable.get(programmeId);
		this.jdbc.sql("delete from programme_document_draft where programme_id = :id")
			.param("id", programmeId)
			.update();
		this.auditLog.record(AuditAction.DELETE, ENTITY_TYPE, programmeId,
				"Discarded the course description waiting for publication of " + programme.getTitle() + " of "
						+ programme.getInstitution().getName(),
				new FieldChange.Diff()
					.field("admin.programme-document.audit.pending-sha256", pending.get().sha256(), null)
					.changes());
		return true;
	}

	private Pending store(long programmeId, String originalFilename, Path file, long size) {
		Programme programme = this.editable.get(programmeId);
		String before = pending(programmeId).map(Pending::sha256).orElse(null);
		String filename = programme.getSlug() + "-course-description.pdf";
		Instant now = this.clock.instant();
		String actor = SecurityContextHolder.getContext().getAuthentication().getName();
		String sha256;
		try (InputStream in = Files.newInputStream(file)) {
			sha256 = this.jdbc.sql("""
					insert into programme_document_draft
					(programme_id, filename, size, content_type, content, uploaded_at, uploaded_by)
					values (:id, :filename, :size, :type, :content, :at,
					(select id from account_emails_for_programme where lower(email) = lower(:actor)))
					on conflict (programme_id) do update
					set filename = excluded.filename, size = excluded.size, content_type = excluded.content_type,
					content = excluded.content, uploaded_at = excluded.uploaded_at, uploaded_by = excluded.uploaded_by
					returning sha256""")
				.param("id", programmeId)
				.param("filename", filename)
				.param("size", size)
				.param("type", CONTENT_TYPE)
				.param("content", new SqlBinaryValue(in, size))
				.param("at", Timestamp.from(now))
				.param("actor", actor)
				.query(String.class)
				.single();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, programmeId,
				"Uploaded a course description for " + programme.getTitle() + " of "
						+ programme.getInstitution().getName() + " from the file " + shown(originalFilename)
						+ "; the public sees it once the programme is published",
				new FieldChange.Diff().field("admin.programme-document.audit.pending-sha256", before, sha256)
					.field("admin.programme-document.audit.pending-size", null, size)
					.changes());
		return new Pending(filename, size, sha256, now, actor);
	}

	/** Decides by content: a PDF header, then a parse that must find pages. */
	private static void check(Path file, long size) throws IOException {
		if (size == 0) {
			throw new RejectedDocumentException(RejectedDocumentException.Reason.EMPTY);
		}
		byte[] header;
		try (InputStream in = Files.newInputStream(file)) {
			header = in.readNBytes(PDF_HEADER.length);
		}
		if (!Arrays.equals(header, PDF_HEADER)) {
			throw new RejectedDocumentException(RejectedDocumentException.Reason.NOT_PDF);
		}
		switch (PdfCheck.of(file)) {
			case ENCRYPTED -> throw new RejectedDocumentException(RejectedDocumentException.Reason.ENCRYPTED);
			case UNREADABLE -> throw new RejectedDocumentException(RejectedDocumentException.Reason.UNREADABLE);
			case READABLE -> {
			}
		}
	}

	/**
	 * The uploader's file name, for the audit log only: no path, no control characters.
	 */
	static String shown(String originalFilename) {
		if (originalFilename == null || originalFilename.isBlank()) {
			return "(no name)";
		}
		String name = originalFilename
			.substring(Math.max(originalFilename.lastIndexOf('/'), originalFilename.lastIndexOf('\\')) + 1);
		name = name.codePoints()
			.filter((c) -> !Character.isISOControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		return (name.length() > 80) ? name.substring(0, 79) + "…" : name;
	}

	/**
	 * A staged document.
	 *
	 * @param filename the name it will be offered under
	 * @param size its size in bytes
	 * @param sha256 SHA-256 of its content, hex
	 * @param uploadedAt when it was uploaded
	 * @param uploadedBy the e-mail address of who uploaded it, if the account still
	 * exists
	 */
	public record Pending(String filename, long size, String sha256, Instant uploadedAt, String uploadedBy) {

	}

	/** Where a document is written once its name and size are known. */
	@FunctionalInterface
	public interface DocumentTarget {

		OutputStream open(String filename, long size) throws IOException;

	}

}
