package org.prospectus.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.prospectus.decisions.AdmissionsReach;
import org.prospectus.decisions.AdmissionsReach.Reach;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.FeeStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admissions queue: submitted applications (never drafts), filtered as a
 * {@link QueueFilter} says, a page at a time. A page starts after the last row of the one
 * before (keyset pagination), so every page is a short range of one index however deep
 * into a million rows it is; the count is exact up to {@value #COUNT_CAP} and reads at
 * most one row more than that. SQL is built from fixed fragments with named parameters:
 * no value ever becomes part of the SQL text.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
public class ReviewQueue {

	/** Rows per page. */
	public static final int PAGE_SIZE = 50;

	/** The count stops here: "more than 10,000" says all a person needs. */
	public static final int COUNT_CAP = 10_000;

	static final String COLUMNS = """
			a.id, a.reference, a.full_name, a.email, a.round_id, a.first_choice_programme_id, a.status,
			a.fee_status, a.citizenship_country, a.missing_documents, a.submitted_at, a.version,
			a.review_score, a.reads_outstanding, a.reads_disagree,
			(select o.state from decisions_offers_for_review o where o.application_id = a.id
			  order by o.state in ('OPEN', 'ACCEPTED') desc, o.made_at desc limit 1) as offer_state,
			(select min(coalesce(o.reply_by_at, r.reply_by_at, r.studies_start_at)) from decisions_offers_for_review o
			  join intake_rounds_for_review r on r.id = o.round_id where o.application_id = a.id and o.state = 'OPEN')
			  as reply_by,
			(select count(*) from decisions_offers_for_review o
			  join decisions_offer_conditions_for_review c on c.offer_id = o.id
			  where o.application_id = a.id and o.state in ('OPEN', 'ACCEPTED') and c.state = 'PENDING')
			  as conditions_pending,
			case when a.status = 'RESERVE' then (select cast(count(*) + 1 as integer)
			  from applications_queue_for_review b
			  where b.round_id = a.round_id and b.decision_programme_id = a.decision_programme_id
			    and b.status = 'RESERVE' and (coalesce(b.reserve_rank, 2147483647), b.decided_at, b.id)
			        < (coalesce(a.reserve_rank, 2147483647), a.decided_at, a.id)) end as reserve_position,
			exists (select 1 from applications_deadline_exceptions_for_review e
			  join applicant_emails_for_review p on p.email = e.email
			  where e.round_id = a.round_id and p.id = a.applicant_id) as excepted""";

	private final JdbcClient jdbc;

	private final AdmissionsReach reach;

	ReviewQueue(JdbcClient jdbc, AdmissionsReach reach) {
		this.jdbc = jdbc;
		this.reach = reach;
	}

	/** The rounds the signed-in officer takes in, for statements built elsewhere. */
	Reach reach() {
		return this.reach.current();
	}

	/**
	 * One page of the queue and the view's count.
	 * @param after where the page starts, or {@code null} for the first page
	 */
	@Transactional(readOnly = true)
	public QueuePage page(QueueFilter filter, @Nullable QueueCursor after) {
		Reach reach = this.reach.current();
		SqlQuery query = pageQuery(filter, reach, after, PAGE_SIZE + 1);
		List<QueueRow> rows = new ArrayList<>(
				this.jdbc.sql(query.sql()).params(query.params()).query(ReviewQueue::row).list());
		QueueCursor next = null;
		if (rows.size() > PAGE_SIZE) {
			rows.remove(PAGE_SIZE);
			next = cursorAfter(rows.get(PAGE_SIZE - 1), filter.sort());
		}
		SqlQuery count = countQuery(filter, reach);
		int total = this.jdbc.sql(count.sql()).params(count.params()).query(Integer.class).single();
		return new QueuePage(List.copyOf(rows), next, Math.min(total, COUNT_CAP), total > COUNT_CAP);
	}

	/** The rounds and programmes the filters offer, and each round's time zone. */
	@Transactional(readOnly = true)
	public QueueOptions options() {
		Reach reach = this.reach.current();
		Map<String, Object> params = new LinkedHashMap<>();
		String rounds = reach.rounds(params);
		String ownProgrammes = reach.programmes(params);
		List<QueueOptions.Round> roundList = this.jdbc
			.sql("""
					select r.id, r.name, r.slug, i.name as institution, i.time_zone from intake_rounds_for_review r
					join institution_names_for_review i on i.id = r.institution_id""" + " where " + rounds
					+ " order by r.opens_at desc, r.id")
			.params(params)
			.query((rs, n) -> new QueueOptions.Round(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
					rs.getString("institution"), ZoneId.of(rs.getString("time_zone"))))
			.list();
		List<QueueOptions.Programme> programmes = this.jdbc
			.sql("""
					select p.id, p.code, p.title, coalesce(i.short_name, i.name) as institution
					from programme_programmes_for_review p join institution_names_for_review i on i.id = p.institution_id"""
					+ " where " + ownProgrammes + " order by p.title, i.short_name, p.id")
			.params(params)
			.query((rs, n) -> new QueueOptions.Programme(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
					rs.getString("institution")))
			.list();
		return new QueueOptions(roundList, programmes);
	}

	static QueueCursor cursorAfter(QueueRow row, QueueSort sort) {
		String key = switch (sort) {
			case SUBMITTED, NEWEST -> row.submittedAt().toString();
			case NAME -> row.nameKey();
			case REFERENCE -> row.reference();
			case SCORE -> (row.score() != null) ? row.score().toPlainString() : "-1";
		};
		return new QueueCursor(sort, key, row.id());
	}

	/** The page's statement: the view's filters, the cursor's position, the order. */
	static SqlQuery pageQuery(QueueFilter filter, Reach reach, @Nullable QueueCursor after, int limit) {
		if (after != null && after.sort() == QueueSort.SCORE) {
			return scorePageQuery(filter, reach, after, limit);
		}
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
			.append(", lower(a.full_name) as name_key from applications_queue_for_review a where ")
			.append(where(filter, reach, params));
		if (after != null) {
			// The plain comparison beside the row comparison changes no result; it lets
			// the planner estimate from the column's statistics how many rows are left,
			// where for a row comparison it guesses a third.
			sql.append(switch (after.sort()) {
				case SUBMITTED ->
					" and a.submitted_at >= :after_at and (a.submitted_at, a.id) > (:after_at, :after_id)";
				case NEWEST -> " and a.submitted_at <= :after_at and (a.submitted_at, a.id) < (:after_at, :after_id)";
				case NAME ->
					" and lower(a.full_name) >= :after_name and (lower(a.full_name), a.id) > (:after_name, :after_id)";
				case REFERENCE -> " and a.reference > :after_reference";
				case SCORE -> throw new IllegalStateException("A page by score is built by scorePageQuery");
			});
			switch (after.sort()) {
				case SUBMITTED, NEWEST -> params.put("after_at", Timestamp.from(after.instant()));
				case NAME -> params.put("after_name", after.key());
				case REFERENCE -> params.put("after_reference", after.key());
				case SCORE -> throw new IllegalStateException("A page by score is built by scorePageQuery");
			}
			if (after.sort() != QueueSort.REFERENCE) {
				params.put("after_id", after.id());
			}
		}
		sql.append(" order by ").append(filter.sort().orderBy());
		if (limit > 0) {
			sql.append(" limit :limit");
			params.put("limit", limit);
		}
		return new SqlQuery(sql.toString(), params);
	}

	/**
	 * A later page by score. Highest first and the id ascending cannot be one row
	 * comparison, and "a lower score, or the same one and a greater id" read as one range
	 * of the score index would start at the first row of the cursor's score and skip, row
	 * by row, all of that score the pages before showed: tens of thousands where many
	 * share a score, or none have one yet. So the page is the rest of the cursor's score
	 * (its ids in order, one short range) followed by the lower scores (another), each at
	 * most a page long, and only the rows of the page are then read in full.
	 */
	private static SqlQuery scorePageQuery(QueueFilter filter, Reach reach, QueueCursor after, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(filter, reach, params);
		String limited = (limit > 0) ? " limit :limit" : "";
		String key = "coalesce(a.review_score, -1)";
		String sql = "select " + COLUMNS + ", lower(a.full_name) as name_key from (select k.id, k.score_key from ("
				+ "(select a.id, " + key + " as score_key from applications_queue_for_review a where " + where + " and "
				+ key + " = :after_score and a.id > :after_id order by a.id" + limited + ")"
				+ " union all (select a.id, " + key + " as score_key from applications_queue_for_review a where "
				+ where + " and " + key + " < :after_score order by " + QueueSort.SCORE.orderBy() + limited + ")) k"
				+ " order by k.score_key desc, k.id" + limited + ") page"
				+ " join applications_queue_for_review a on a.id = page.id order by page.score_key desc, page.id";
		params.put("after_score", after.score());
		params.put("after_id", after.id());
		if (limit > 0) {
			params.put("limit", limit);
		}
		return new SqlQuery(sql, params);
	}

	/** The view's count, read no further than one row past the cap. */
	static SqlQuery countQuery(QueueFilter filter, Reach reach) {
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = "select count(*) from (select 1 from applications_queue_for_review a where "
				+ where(filter, reach, params) + " limit :cap) capped";
		params.put("cap", COUNT_CAP + 1);
		return new SqlQuery(sql, params);
	}

	/**
	 * The conditions of a view on {@code applications_queue_for_review a}. Each filter is
	 * a fixed fragment that one of the partial indexes of V12 and V64 serves; the values
	 * go in {@code params}.
	 */
	static String where(QueueFilter filter, Reach reach, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("a.submitted_at is not null");
		// Only the applications the officer's institutions reach (ADR 0018).
		String visible = reach.visible(params);
		if (!visible.equals("true")) {
			where.append(" and ").append(visible);
		}
		if (filter.round() != null) {
			where.append(" and a.round_id = :round");
			params.put("round", filter.round());
		}
		if (filter.programme() != null) {
			where.append(filter.anyChoice()
					? " and exists (select 1 from applications_choices_for_review c where c.application_id = a.id and c.programme_id = :programme)"
					: " and a.first_choice_programme_id = :programme");
			params.put("programme", filter.programme());
		}
		if (filter.status() != null) {
			where.append(" and a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.fee() != null) {
			where.append(" and a.fee_status = :fee");
			params.put("fee", filter.fee().name());
		}
		if (filter.citizenship() != null) {
			where.append(" and a.citizenship_country = :citizenship");
			params.put("citizenship", filter.citizenship());
		}
		if (filter.missingDocuments()) {
			where.append(" and a.missing_documents");
		}
		if (filter.missingReferences()) {
			where.append(" and a.references_missing");
		}
		if (filter.from() != null) {
			where.append(" and a.submitted_at >= :from");
			params.put("from", Timestamp.from(filter.fromInstant()));
		}
		if (filter.to() != null) {
			where.append(" and a.submitted_at < :until");
			params.put("until", Timestamp.from(filter.untilInstant()));
		}
		if (filter.offer() != null) {
			where.append(" and ").append(filter.offer().sql());
		}
		// The score band as a range of V64's score indexes: -1, the key of no score, is
		// below every bound, so an unscored application is never in a band.
		if (filter.scoreMin() != null || filter.scoreMax() != null) {
			where.append(" and coalesce(a.review_score, -1) >= :score_min");
			params.put("score_min", (filter.scoreMin() != null) ? filter.scoreMin() : BigDecimal.ZERO);
		}
		if (filter.scoreMax() != null) {
			where.append(" and coalesce(a.review_score, -1) <= :score_max");
			params.put("score_max", filter.scoreMax());
		}
		if (filter.readsOutstanding()) {
			where.append(" and a.reads_outstanding > 0");
		}
		if (filter.readsDisagree()) {
			where.append(" and a.reads_disagree");
		}
		if (filter.text() != null && !filter.isTextTooShort()) {
			where.append(" and a.search_text like :text");
			params.put("text", "%" + likeEscaped(filter.text()) + "%");
		}
		return where.toString();
	}

	/** The text matched literally: LIKE's wildcards and its escape character escaped. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static QueueRow row(ResultSet rs, int rowNum) throws SQLException {
		String fee = rs.getString("fee_status");
		long firstChoice = rs.getLong("first_choice_programme_id");
		Long firstChoiceId = rs.wasNull() ? null : firstChoice;
		return new QueueRow(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("full_name"),
				rs.getString("email"), rs.getLong("round_id"), firstChoiceId,
				ApplicationStatus.valueOf(rs.getString("status")), (fee != null) ? FeeStatus.valueOf(fee) : null,
				rs.getString("citizenship_country"), rs.getBoolean("missing_documents"), instant(rs, "submitted_at"),
				rs.getLong("version"), nameKey(rs), rs.getString("offer_state"), instant(rs, "reply_by"),
				rs.getInt("conditions_pending"), (Integer) rs.getObject("reserve_position", Integer.class),
				rs.getBoolean("excepted"), rs.getBigDecimal("review_score"),
				(Integer) rs.getObject("reads_outstanding", Integer.class), rs.getBoolean("reads_disagree"));
	}

	private static @Nullable String nameKey(ResultSet rs) throws SQLException {
		try {
			return rs.getString("name_key");
		}
		catch (SQLException ex) {
			return null;
		}
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** A statement and its named parameters. */
	record SqlQuery(String sql, Map<String, Object> params) {
	}

}
