package org.prospectus.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.prospectus.course.CreditSystem;
import org.prospectus.programme.StudyMode;
import org.prospectus.staging.PublishedVersion;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over published programmes in PostgreSQL, ranked by relevance, with
 * filters. Every value reaches SQL as a bind parameter; only fixed clauses are added.
 */
@Service
@Transactional(readOnly = true)
@NamedInterface("api")
public class ProgrammeSearch {

	/** Longer input is cut rather than sent to the parser whole. */
	static final int MAX_TEXT_LENGTH = 200;

	/**
	 * Whether a programme is open for applications now: a semi-join PostgreSQL answers
	 * for the whole catalogue at once.
	 */
	private static final String IS_OPEN = """
			exists (select 1 from intake_round_programmes_for_search rp join intake_rounds_for_search r on r.id = rp.round_id
			  where rp.programme_id = p.id and r.opens_at <= :now and r.deadline_at >= :now)""";

	/**
	 * The open round with the nearest deadline, looked up only for the page of results.
	 * Its zone is the round's coordinator's, which in a joint round may not be the
	 * programme's own institution's.
	 */
	private static final String OPEN_ROUND = """
			left join lateral (select r.deadline_at, ri.time_zone from intake_round_programmes_for_search rp
			  join intake_rounds_for_search r on r.id = rp.round_id join institution_listing_for_search ri on ri.id = r.institution_id
			  where rp.programme_id = p.id and r.opens_at <= :now and r.deadline_at >= :now
			  order by r.institution_id <> p.institution_id, r.deadline_at, r.id limit 1) o on true""";

	/**
	 * The tuition for the whole programme, worked out from a yearly fee and the length as
	 * the comparison does, in the programme's own currency.
	 */
	private static final String TOTAL_TUITION = """
			(case when p.tuition_period = 'TOTAL' then p.tuition_amount
			      else round(p.tuition_amount * p.duration_months / 12.0) end)""";

	/** The month studies start, in the institution's zone, as 2027-09. */
	private static final String START_MONTH = "to_char(r.studies_start_at at time zone i.time_zone, 'YYYY-MM')";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PublishedVersion published;

	private volatile @Nullable KeptFacets kept;

	ProgrammeSearch(JdbcClient jdbc, Clock clock, PublishedVersion published) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.published = published;
	}

	public Page<ProgrammeSummary> search(ProgrammeSearchCriteria criteria, Pageable pageable) {
		List<String> where = new ArrayList<>();
		where.add("p.state = 'PUBLISHED'");
		// The matches are found, counted, ranked and cut to the page on narrow rows (id,
		// title, rank); the page's rows then get their columns and open round.
		StringBuilder matches = new StringBuilder("select p.id, p.title, count(*) over () as total");
		String order;
		String pageOrder;
		if (criteria.hasText()) {
			matches.append(", ts_rank_cd(p.search_vector, q.query) as rank");
			matches.append(
					" from programme_listing_for_search p join institution_listing_for_search i on i.id = p.institution_id");
			matches.append(", websearch_to_tsquery('english', :text) as q(query)");
			where.add("p.search_vector @@ q.query");
			order = "rank desc, title, id";
			pageOrder = "m.rank desc, m.title, m.id";
		}
		else {
			matches.append(
					" from programme_listing_for_search p join institution_listing_for_search i on i.id = p.institution_id");
			order = "title, id";
			pageOrder = "m.title, m.id";
		}
		if (criteria.institution() != null) {
			where.add("i.slug = :institution");
		}
		if (criteria.level() != null) {
			where.add("p.level = :level");
		}
		if (criteria.mode() != null) {
			where.add("p.study_mode = :mode");
		}
		if (criteria.pace() == Pace.FULL_TIME) {
			where.add("p.pace_percent = 100");
		}
		else if (criteria.pace() == Pace.PART_TIME) {
			where.add("p.pace_percent < 100");
		}
		if (criteria.language() != null) {
			where.add("p.language = :language");
		}
		if (criteria.duration() != null) {
			where.add("p.duration_months between :minMonths and :maxMonths");
		}
		if (criteria.topic() != null) {
			// Any spelling of the topic (Topics).
			where.add("p.topics && cast(:topics as text[])");
		}
		if (criteria.openOnly()) {
			where.add(IS_OPEN);
		}
		if (criteria.budget() != null) {
			where.add("p.tuition_currency = :budgetCurrency and " + TOTAL_TUITION + " <= :budget");
		}
		if (criteria.start() != null) {
			where
				.add("""
						exists (select 1 from intake_round_programmes_for_search rp join intake_rounds_for_search r on r.id = rp.round_id
						  where rp.programme_id = p.id and r.deadline_at >= :now and\s"""
						+ START_MONTH + " = :start)");
		}
		matches.append(" where ")
			.append(String.join(" and ", where))
			.append(" order by ")
			.append(order)
			.append(" limit :limit offset :offset");
		String sql = """
				select p.slug, p.code, p.title, p.award, p.credits, p.credit_system, p.duration_months, p.pace_percent,
				       p.study_mode, p.language, p.summary, i.name as institution_name, i.city,
				       o.deadline_at as open_deadline, coalesce(o.time_zone, i.time_zone) as time_zone, m.total
				from (""" + matches
				+ ") m join programme_listing_for_search p on p.id = m.id join institution_listing_for_search i on i.id = p.institution_id "
				+ OPEN_ROUND + " order by " + pageOrder;

		JdbcClient.StatementSpec spec = this.jdbc.sql(sql)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset());
		if (criteria.hasText()) {
			spec = spec.param("text", truncate(criteria.text()));
		}
		if (criteria.institution() != null) {
			spec = spec.param("institution", criteria.institution());
		}
		if (criteria.level() != null) {
			spec = spec.param("level", criteria.level().name());
		}
		if (criteria.mode() != null) {
			spec = spec.param("mode", criteria.mode().name());
		}
		if (criteria.language() != null) {
			spec = spec.param("language", criteria.language());
		}
		if (criteria.duration() != null) {
			spec = spec.param("minMonths", criteria.duration().minMonths())
				.param("maxMonths", criteria.duration().maxMonths());
		}
		if (criteria.topic() != null) {
			spec = spec.param("topics",
					kept().spellings()
						.getOrDefault(Topics.key(criteria.topic()), List.of(criteria.topic()))
						.toArray(String[]::new));
		}
		if (criteria.budget() != null) {
			spec = spec.param("budgetCurrency", criteria.budget().currency())
				.param("budget", criteria.budget().amount());
		}
		if (criteria.start() != null) {
			spec = spec.param("start", criteria.start().toString());
		}
		long[] total = { 0 };
		List<ProgrammeSummary> rows = spec.query((rs, rowNum) -> {
			total[0] = rs.getLong("total");
			return summary(rs);
		}).list();
		if (rows.isEmpty() && pageable.getOffset() > 0) {
			// Past the last page: the window count is not there, so the page says so with
			// zero results rather than guessing a total.
			return new PageImpl<>(rows, pageable, 0);
		}
		return new PageImpl<>(rows, pageable, total[0]);
	}

	private static String truncate(String text) {
		String trimmed = text.strip();
		return (trimmed.length() > MAX_TEXT_LENGTH) ? trimmed.substring(0, MAX_TEXT_LENGTH) : trimmed;
	}

	private static ProgrammeSummary summary(ResultSet rs) throws SQLException {
		Timestamp deadline = rs.getTimestamp("open_deadline");
		return new ProgrammeSummary(rs.getString("slug"), rs.getString("code"), rs.getString("title"),
				rs.getString("award"), rs.getBigDecimal("credits"), CreditSystem.valueOf(rs.getString("credit_system")),
				rs.getInt("duration_months"), rs.getInt("pace_percent"), StudyMode.valueOf(rs.getString("study_mode")),
				rs.getString("language"), rs.getString("summary"), rs.getString("institution_name"),
				rs.getString("city"), (deadline != null) ? deadline.toInstant() : null, rs.getString("time_zone"));
	}

	/**
	 * The values the filters offer, from published programmes only. They are the same for
	 * every search until the catalogue changes or a deadline passes (start months are
	 * offered while a round still takes applications), so they are worked out once and
	 * kept until then: a search costs one statement for them, not a scan of the
	 * catalogue.
	 */
	public SearchFacets facets() {
		return kept().facets();
	}

	/**
	 * The name the topic filter offers a topic under, for any of its spellings
	 * (optimization is Optimisation where that is the first); the topic as given when no
	 * published programme lists it.
	 */
	public String topicName(String topic) {
		List<String> spellings = kept().spellings().get(Topics.key(topic));
		return (spellings != null) ? spellings.get(0) : topic;
	}

	private KeptFacets kept() {
		Instant now = this.clock.instant();
		long version = this.published.current();
		KeptFacets kept = this.kept;
		if (kept != null && kept.version() == version && !now.isBefore(kept.from()) && now.isBefore(kept.until())) {
			return kept;
		}
		List<String> topics = new ArrayList<>();
		SearchFacets facets = readFacets(now, topics);
		Timestamp nextDeadline = this.jdbc
			.sql("select min(deadline_at) from intake_rounds_for_search where deadline_at >= :now")
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		// The deadline's own instant still counts; the facet changes just after it.
		Instant until = (nextDeadline != null) ? nextDeadline.toInstant().plusNanos(1) : Instant.MAX;
		Map<String, List<String>> spellings = Topics.spellings(topics);
		kept = new KeptFacets(version, now, until, new SearchFacets(facets.institutions(), Topics.names(spellings),
				facets.languages(), facets.currencies(), facets.starts()), spellings);
		this.kept = kept;
		return kept;
	}

	/**
	 * @param version the catalogue version they were read at (or later)
	 * @param from the instant they were read at: before it (a clock set back) they may
	 * differ too
	 * @param until the first instant they may be out of date
	 * @param facets the values
	 * @param spellings the spellings of each topic, by {@link Topics#key}
	 */
	private record KeptFacets(long version, Instant from, Instant until, SearchFacets facets,
			Map<String, List<String>> spellings) {
	}

	private SearchFacets readFacets(Instant now, List<String> everyTopic) {
		List<SearchFacets.InstitutionOption> institutions = this.jdbc
			.sql("""
					select i.slug, i.name from institution_listing_for_search i where exists
					(select 1 from programme_listing_for_search p where p.institution_id = i.id and p.state = 'PUBLISHED') order by i.name""")
			.query((rs, rowNum) -> new SearchFacets.InstitutionOption(rs.getString("slug"), rs.getString("name")))
			.list();
		List<String[]> values = this.jdbc
			.sql("""
					select 'topic' as kind, t.value from programme_listing_for_search p, unnest(p.topics) as t(value) where p.state = 'PUBLISHED'
					union
					select 'language', p.language from programme_listing_for_search p where p.state = 'PUBLISHED'
					union
					select 'currency', p.tuition_currency from programme_listing_for_search p
					 where p.state = 'PUBLISHED' and p.tuition_currency is not null
					union
					select 'start',\s"""
					+ START_MONTH
					+ """
							  from programme_listing_for_search p join institution_listing_for_search i on i.id = p.institution_id
							  join intake_round_programmes_for_search rp on rp.programme_id = p.id join intake_rounds_for_search r on r.id = rp.round_id
							 where p.state = 'PUBLISHED' and r.deadline_at >= :now
							order by 1, 2""")
			.param("now", Timestamp.from(now))
			.query((rs, rowNum) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		List<String> topics = values.stream().filter((v) -> v[0].equals("topic")).map((v) -> v[1]).toList();
		everyTopic.addAll(topics);
		List<String> languages = values.stream().filter((v) -> v[0].equals("language")).map((v) -> v[1]).toList();
		List<String> currencies = values.stream().filter((v) -> v[0].equals("currency")).map((v) -> v[1]).toList();
		List<YearMonth> starts = values.stream()
			.filter((v) -> v[0].equals("start"))
			.map((v) -> YearMonth.parse(v[1]))
			.toList();
		return new SearchFacets(institutions, topics, languages, currencies, starts);
	}

}
