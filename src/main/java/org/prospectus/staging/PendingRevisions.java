package org.prospectus.staging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staged edits of catalogue records. An edit form saved by an editor is kept here as JSON
 * until it is published onto the live record or discarded, so the public keeps seeing the
 * published content meanwhile. Each record has at most one pending revision, and every
 * save names the revision version it started from: a save, publish or discard based on an
 * older one is refused with {@link StaleRevisionException}.
 * <p>
 * Writes join the caller's transaction, which also checks the live record's version and
 * writes the audit log.
 */
@Service
@NamedInterface("api")
public class PendingRevisions {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	PendingRevisions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		// Forms may lose a field between releases; a revision saved before still opens.
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/** The pending edits of a record, if any. */
	@Transactional(readOnly = true)
	public <F> Optional<PendingRevision<F>> find(String entityType, long entityId, Class<F> formType) {
		return this.jdbc.sql("""
				select payload::text as payload, base_version, version, author, updated_at
				from pending_revision where entity_type = :type and entity_id = :id""")
			.param("type", entityType)
			.param("id", entityId)
			.query((rs, row) -> revision(rs, formType))
			.optional();
	}

	/** Every pending revision of a kind of record, by record id. */
	@Transactional(readOnly = true)
	public <F> Map<Long, PendingRevision<F>> findAll(String entityType, Class<F> formType) {
		Map<Long, PendingRevision<F>> found = new LinkedHashMap<>();
		this.jdbc.sql("""
				select entity_id, payload::text as payload, base_version, version, author, updated_at
				from pending_revision where entity_type = :type order by entity_id""")
			.param("type", entityType)
			.query((rs) -> {
				found.put(rs.getLong("entity_id"), revision(rs, formType));
			});
		return found;
	}

	/** Which records of a type have pending edits, among the given ones. */
	@Transactional(readOnly = true)
	public List<Long> pendingAmong(String entityType, List<Long> entityIds) {
		if (entityIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select entity_id from pending_revision where entity_type = :type and entity_id in (:ids)")
			.param("type", entityType)
			.param("ids", entityIds)
			.query(Long.class)
			.list();
	}

	/** The records of a type that have pending edits, most recently saved first. */
	@Transactional(readOnly = true)
	public List<Long> idsOf(String entityType) {
		return this.jdbc.sql("""
				select entity_id from pending_revision where entity_type = :type
				order by updated_at desc, id desc""").param("type", entityType).query(Long.class).list();
	}

	/** Every pending revision, newest first: what editors have left unpublished. */
	@Transactional(readOnly = true)
	public List<Summary> all() {
		return this.jdbc.sql("""
				select entity_type, entity_id, author, updated_at from pending_revision
				order by updated_at desc, id desc""")
			.query((rs, row) -> new Summary(rs.getString("entity_type"), rs.getLong("entity_id"),
					rs.getString("author"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/**
	 * Saves an edit form as the record's pending revision.
	 * @param entityType the kind of record
	 * @param entityId the record
	 * @param baseVersion the live record's version the edits start from
	 * @param expectedRevision the version of the pending revision the editor loaded, or
	 * {@code null} when there was none
	 * @param form the edits
	 * @return the new revision version
	 * @throws StaleRevisionException when the pending revision is no longer the one the
	 * editor loaded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long save(String entityType, long entityId, long baseVersion, @Nullable Long expectedRevision, Object form) {
		String payload = this.json.writeValueAsString(form);
		Timestamp now = Timestamp.from(this.clock.instant());
		if (expectedRevision == null) {
			int inserted = this.jdbc.sql("""
					insert into pending_revision
					    (entity_type, entity_id, base_version, payload, author, version, created_at, updated_at)
					values (:type, :id, :base, cast(:payload as jsonb), :author, 0, :now, :now)
					on conflict (entity_type, entity_id) do nothing""")
				.param("type", entityType)
				.param("id", entityId)
				.param("base", baseVersion)
				.param("payload", payload)
				.param("author", currentAuthor())
				.param("now", now)
				.update();
			if (inserted == 0) {
				throw new StaleRevisionException(entityType, entityId);
			}
			return 0;
		}
		int updated = this.jdbc.sql("""
				update pending_revision
				set payload = cast(:payload as jsonb), base_version = :base, author = :author,
				    version = version + 1, updated_at = :now
				where entity_type = :type and entity_id = :id and version = :expected""")
			.param("type", entityType)
			.param("id", entityId)
			.param("base", baseVersion)
			.param("payload", payload)
			.param("author", currentAuthor())
			.param("now", now)
			.param("expected", expectedRevision)
			.update();
		if (updated == 0) {
			throw new StaleRevisionException(entityType, entityId);
		}
		return expectedRevision + 1;
	}

	/**
	 * Removes the pending revision and returns its form, for publishing or discarding.
	 * @param expectedRevision the version the editor saw, or {@code null} when they saw
	 * none
	 * @return the form, or empty when there was none and none was expected
	 * @throws StaleRevisionException when the pending revision is not the one the editor
	 * saw
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <F> Optional<F> take(String entityType, long entityId, @Nullable Long expectedRevision, Class<F> formType) {
		Optional<PendingRevision<F>> pending = this.jdbc.sql("""
				select payload::text as payload, base_version, version, author, updated_at
				from pending_revision where entity_type = :type and entity_id = :id for update""")
			.param("type", entityType)
			.param("id", entityId)
			.query((rs, row) -> revision(rs, formType))
			.optional();
		Long found = pending.map(PendingRevision::version).orElse(null);
		if (!Objects.equals(found, expectedRevision)) {
			throw new StaleRevisionException(entityType, entityId);
		}
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("delete from pending_revision where entity_type = :type and entity_id = :id")
			.param("type", entityType)
			.param("id", entityId)
			.update();
		return Optional.of(pending.get().form());
	}

	/** A pending revision from a row with its payload, versions, author and time. */
	private <F> PendingRevision<F> revision(ResultSet rs, Class<F> formType) throws SQLException {
		return new PendingRevision<>(this.json.readValue(rs.getString("payload"), formType), rs.getLong("base_version"),
				rs.getLong("version"), rs.getString("author"), rs.getTimestamp("updated_at").toInstant());
	}

	private static String currentAuthor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "system";
	}

	/**
	 * A pending revision in a list.
	 *
	 * @param entityType the kind of record
	 * @param entityId the record
	 * @param author who saved it last
	 * @param updatedAt when
	 */
	public record Summary(String entityType, long entityId, String author, Instant updatedAt) {

	}

}
