package org.prospectus.search;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.prospectus.course.CreditSystem;
import org.prospectus.programme.StudyMode;
import org.prospectus.staging.PublishedVersion;
import org.prospectus.web.Languages;
import org.springframework.context.i18n.LocaleContextHolder;
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

	/**
	 * The search's words as a full-text query in every language the portal offers, each
	 * stemmed by its own configuration (V53): the words may be in any of them, as the
	 * catalogue's texts are.
	 */
	private final String query;

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
	static final String TOTAL_TUITION = """
			(case when p.tuition_period = 'TOTAL' then p.tuition_amount
			      else round(p.tuition_amount * p.duration_months / 12.0) end)""";

	/** The month studies start, in the institution's zone, as 2027-09. */
	private static final String START_MONTH = "to_char(r.studies_start_at at time zone i.time_zone, 'YYYY-MM')";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PublishedVersion published;

	private final Spellings spellings;

	private volatile @Nullable KeptFacets kept;

	ProgrammeSearch(JdbcClient jdbc, Clock clock, PublishedVersion published, Spellings spellings,
			Languages languages) {
		this.query = "(select " + languages.offered()
			.stream()
			.map(Locale::toLanguageTag)
			.filter((tag) -> tag.matches("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*"))
			.map((tag) -> "websearch_to_tsquery(text_search_config('" + tag + "'), :text)")
			.collect(Collectors.joining(" || ")) + ")";
		this.jdbc = jdbc;
		this.clock = clock;
		this.published = published;
		this.spellings = spellings;
	}

	/**
	 * A search as the search page shows it: the page of results, a correction of the
	 * words when as typed they find nothing, and the counts beside every filter's
	 * options.
	 * <p>
	 * When the words match no programme at all (whatever the filters), each word the
	 * catalogue lacks is replaced by its most similar word ({@link Spellings}). If the
	 * corrected words find programmes with the filters chosen, the page shows them when
	 * each correction was close, and offers the corrected words ("Did you mean …?")
	 * otherwise.
	 * @param criteria what to search for
	 * @param amount a budget typed without a currency, for the currencies' counts; or
	 * {@code null}
	 * @param pageable the page
	 * @return the results, the correction if any, and the counts
	 */
	public SearchResults find(ProgrammeSearchCriteria criteria, @Nullable BigDecimal amount, Pageable pageable) {
		KeptFacets kept = kept();
		FacetIndex index = kept.index();
		SearchFacets facets = kept.facets();
		Found found = search(criteria, pageable, index);
		if (!criteria.hasText()) {
			return new SearchResults(found.page(), null, facets, index.count(criteria, amount, null));
		}
		long[] matched = (found.matched() != null) ? found.matched() : matches(criteria.text());
		if (matched.length > 0) {
			return new SearchResults(found.page(), null, facets, index.count(criteria, amount, matched));
		}
		// The words match no programme at all: perhaps they are misspelt.
		FacetCounts noCounts = index.count(criteria, amount, matched);
		Spellings.Suggestion suggestion = this.spellings.correct(truncate(criteria.text()));
		if (suggestion == null) {
			return new SearchResults(found.page(), null, facets, noCounts);
		}
		ProgrammeSearchCriteria corrected = criteria.withText(suggestion.text());
		if (suggestion.certain()) {
			Found correctedFound = search(corrected, pageable, index);
			long[] correctedMatches = (correctedFound.matched() != null) ? correctedFound.matched()
					: matches(suggestion.text());
			FacetCounts correctedCounts = index.count(corrected, amount, correctedMatches);
			if (correctedCounts.total() > 0) {
				return new SearchResults(correctedFound.page(),
						new Correction(criteria.text(), suggestion.text(), true), facets, correctedCounts);
			}
		}
		else if (index.count(corrected, amount, matches(suggestion.text())).total() > 0) {
			return new SearchResults(found.page(), new Correction(criteria.text(), suggestion.text(), false), facets,
					noCounts);
		}
		// Spelt so, the words still find nothing with these filters.
		return new SearchResults(found.page(), null, facets, noCounts);
	}

	/** The ids of the published programmes the words match, whatever the filters. */
	private long[] matches(String text) {
		return this.jdbc
			.sql("select p.id from programme_listing_for_search p, " + this.query
					+ " as q(query) where p.state = 'PUBLISHED' and p.search_vector @@ q.query")
			.param("text", truncate(text))
			.query((rs, rowNum) -> rs.getLong(1))
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	public Page<ProgrammeSummary> search(ProgrammeSearchCriteria criteria, Pageable pageable) {
		return search(criteria, pageable, (criteria.topic() != null) ? kept().index() : null).page();
	}

	/**
	 * The page of results and, for a search with words, the ids of every published
	 * programme the words match whatever the filters (for the counts), in one statement:
	 * the words are matched once, in a materialized {@code words} set the filters then
	 * narrow.
	 * @param index the kept index, for the spellings of a topic; needed only when the
	 * criteria name one
	 */
	private Found search(ProgrammeSearchCriteria criteria, Pageable pageable, @Nullable FacetIndex index) {
		List<String> where = new ArrayList<>();
		// The matches are found, counted, ranked and cut to the page on narrow rows (id,
		// title, rank); the page's rows then get their columns and open round.
		StringBuilder matches = new StringBuilder("select p.id, p.title, count(*) over () as total");
		String words = "";
		String matched = "";
		String order;
		String pageOrder;
		if (criteria.hasText()) {
			// With the columns the filters below read, as "p".
			words = "with words as materialized (select p.id, p.institution_id, p.title, p.level, p.study_mode,"
					+ " p.pace_percent, p.language, p.duration_months, p.topics, p.tuition_amount, p.tuition_currency,"
					+ " p.tuition_period, ts_rank_cd(p.search_vector, q.query) as rank"
					+ " from programme_listing_for_search p, " + this.query + " as q(query)"
					+ " where p.state = 'PUBLISHED' and p.search_vector @@ q.query) ";
			// On one row of the page: the page may have ten, the words thousands.
			matched = ", case when row_number() over () = 1 then (select array_agg(id) from words) end as matched";
			matches.append(", p.rank from words p join institution_listing_for_search i on i.id = p.institution_id");
			order = "rank desc, title, id";
			pageOrder = "m.rank desc, m.title, m.id";
		}
		else {
			matches.append(
					" from programme_listing_for_search p join institution_listing_for_search i on i.id = p.institution_id");
			where.add("p.state = 'PUBLISHED'");
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
		if (!where.isEmpty()) {
			matches.append(" where ").append(String.join(" and ", where));
		}
		matches.append(" order by ").append(order).append(" limit :limit offset :offset");
		String sql = words
				+ """
						select p.slug, p.code, coalesce(p.translations -> :shown ->> 'title', p.title) as title,
						       coalesce(p.translations -> :shown ->> 'award', p.award) as award, p.credits, p.credit_system,
						       p.duration_months, p.pace_percent, p.study_mode, p.language,
						       coalesce(p.translations -> :shown ->> 'summary', p.summary) as summary,
						       case when p.translations -> :shown ->> 'title' is not null or i.main_language = :shown then null
						            else i.main_language end as title_language,
						       case when p.translations -> :shown ->> 'summary' is not null or i.main_language = :shown then null
						            else i.main_language end as summary_language,
						       coalesce(i.translations -> :shown ->> 'name', i.name) as institution_name,
						       case when i.translations -> :shown ->> 'name' is not null or i.main_language = :shown then null
						            else i.main_language end as institution_language, i.city,
						       o.deadline_at as open_deadline, coalesce(o.time_zone, i.time_zone) as time_zone, m.total"""
				+ matched + " from (" + matches
				+ ") m join programme_listing_for_search p on p.id = m.id join institution_listing_for_search i on i.id = p.institution_id "
				+ OPEN_ROUND + " order by " + pageOrder;

		JdbcClient.StatementSpec spec = this.jdbc.sql(sql)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			// The texts in the page's language, where they are translated (issue 29).
			.param("shown", LocaleContextHolder.getLocale().toLanguageTag());
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
					index.spellings()
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
		long[][] ids = { null };
		boolean text = criteria.hasText();
		List<ProgrammeSummary> rows = spec.query((rs, rowNum) -> {
			total[0] = rs.getLong("total");
			if (text && rs.getArray("matched") != null) {
				ids[0] = Arrays.stream((Long[]) rs.getArray("matched").getArray()).mapToLong(Long::longValue).toArray();
			}
			return summary(rs);
		}).list();
		if (rows.isEmpty() && pageable.getOffset() > 0) {
			// Past the last page: the window count is not there, so the page says so with
			// zero results rather than guessing a total.
			return new Found(new PageImpl<>(rows, pageable, 0), null);
		}
		return new Found(new PageImpl<>(rows, pageable, total[0]), ids[0]);
	}

	/**
	 * @param page the page of results
	 * @param matched the ids of the published programmes the words match whatever the
	 * filters; {@code null} when the search has no words or the page no row to carry them
	 */
	private record Found(Page<ProgrammeSummary> page, long @Nullable [] matched) {
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
				rs.getString("city"), (deadline != null) ? deadline.toInstant() : null, rs.getString("time_zone"),
				rs.getString("title_language"), rs.getString("summary_language"), rs.getString("institution_language"));
	}

	/**
	 * The values the filters offer, from published programmes only. They are the same for
	 * every search until the catalogue changes, a round opens or a deadline passes (start
	 * months are offered while a round still takes applications), so they are worked out
	 * once, with every published programme's value in each filter for the counts beside
	 * them ({@link FacetIndex}), and kept until then: a search costs one statement for
	 * them, not a scan of the catalogue.
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
		List<String> spellings = kept().index().spellings().get(Topics.key(topic));
		return (spellings != null) ? spellings.get(0) : topic;
	}

	private KeptFacets kept() {
		Instant now = this.clock.instant();
		long version = this.published.current();
		KeptFacets kept = this.kept;
		if (kept != null && kept.version() == version && !now.isBefore(kept.from()) && now.isBefore(kept.until())) {
			return kept;
		}
		FacetIndex.Loaded loaded = FacetIndex.load(this.jdbc, now);
		Timestamp[] next = this.jdbc.sql("""
				select min(deadline_at) filter (where deadline_at >= :now), min(opens_at) filter (where opens_at > :now)
				from intake_rounds_for_search""")
			.param("now", Timestamp.from(now))
			.query((rs, rowNum) -> new Timestamp[] { rs.getTimestamp(1), rs.getTimestamp(2) })
			.single();
		// The deadline's own instant still counts; the round is closed just after it. A
		// round is open from its opening's own instant.
		Instant until = Instant.MAX;
		if (next[0] != null) {
			until = next[0].toInstant().plusNanos(1);
		}
		if (next[1] != null && next[1].toInstant().isBefore(until)) {
			until = next[1].toInstant();
		}
		kept = new KeptFacets(version, now, until, loaded.facets(), loaded.index());
		this.kept = kept;
		return kept;
	}

	/**
	 * @param version the catalogue version they were read at (or later)
	 * @param from the instant they were read at: before it (a clock set back) they may
	 * differ too
	 * @param until the first instant they may be out of date
	 * @param facets the values
	 * @param index every published programme's value in each filter
	 */
	private record KeptFacets(long version, Instant from, Instant until, SearchFacets facets, FacetIndex index) {
	}

}
