package org.prospectus.search;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.prospectus.programme.ProgrammeLevel;
import org.prospectus.programme.StudyMode;
import org.prospectus.support.Money;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every published programme's value in each filter, read in one statement and kept with
 * the facets (see {@link ProgrammeSearch#facets()}): the filters' options come from it,
 * and so do the counts beside them.
 * <p>
 * Counting here rather than in SQL is what keeps a search fast: grouping the published
 * catalogue by each filter costs PostgreSQL a scan of every matching programme row per
 * search (40 to 120 ms for the 10,000 programmes of {@code bench/search-latency.sh}),
 * while one pass over these entries costs well under a millisecond. A search with words
 * sends one statement for the programmes its words match; one without sends none. The
 * values are worked out by the same SQL expressions the search filters with (the total
 * tuition, the start month in the institution's zone, open now), so the counts and the
 * results cannot disagree.
 */
final class FacetIndex {

	/** The filters, each of which has counts beside its options. */
	enum Facet {

		INSTITUTION, LEVEL, MODE, PACE, LANGUAGE, DURATION, TOPIC, BUDGET, START, OPEN

	}

	/**
	 * One published programme as the filters see it.
	 *
	 * @param id the programme's id
	 * @param institution its institution's slug
	 * @param level its level
	 * @param mode its mode of study
	 * @param pace full-time or part-time
	 * @param language its language of instruction
	 * @param duration its length band
	 * @param topics its topics, each under the name the topic filter offers
	 * @param currency the currency its tuition is published in, if it is
	 * @param tuition the tuition for the whole programme, if published
	 * @param open whether a round admitting to it is open now
	 * @param starts the months it starts in, for rounds whose deadline has not passed
	 */
	record Entry(long id, String institution, ProgrammeLevel level, StudyMode mode, Pace pace, String language,
			DurationBand duration, Set<String> topics, @Nullable String currency, @Nullable BigDecimal tuition,
			boolean open, Set<YearMonth> starts) {
	}

	/** Sorted by id, so that the ids a text matches are found by binary search. */
	private final Entry[] entries;

	private final long[] ids;

	private final Map<String, List<String>> spellings;

	private FacetIndex(Entry[] entries, Map<String, List<String>> spellings) {
		this.entries = entries;
		this.ids = Arrays.stream(entries).mapToLong(Entry::id).toArray();
		this.spellings = spellings;
	}

	/**
	 * The published catalogue at {@code now}, and the facets it offers.
	 * @param jdbc where to read it
	 * @param now the instant open rounds and start months are worked out for
	 * @return the index and the options of every filter
	 */
	static Loaded load(JdbcClient jdbc, Instant now) {
		// Open rounds and start months per programme in one grouped pass over the rounds;
		// the month is worked out in the programme's institution's zone, as the filter
		// does.
		List<Row> rows = jdbc
			.sql("""
					select p.id, i.slug, i.name, p.level, p.study_mode, p.pace_percent, p.language, p.duration_months,
					       p.topics, p.tuition_currency, %s as total_tuition, coalesce(o.open, false) as open,
					       array(select distinct to_char(s at time zone i.time_zone, 'YYYY-MM') from unnest(o.starts) as s)
					         as starts
					from programme_listing_for_search p join institution_listing_for_search i on i.id = p.institution_id
					left join (select rp.programme_id, bool_or(r.opens_at <= :now) as open,
					                  array_agg(r.studies_start_at) as starts
					           from intake_round_programmes_for_search rp join intake_rounds_for_search r on r.id = rp.round_id
					           where r.deadline_at >= :now group by rp.programme_id) o on o.programme_id = p.id
					where p.state = 'PUBLISHED'
					order by i.name, i.slug, p.id"""
				.formatted(ProgrammeSearch.TOTAL_TUITION))
			.param("now", Timestamp.from(now))
			.query(FacetIndex::row)
			.list();
		Map<String, String> institutions = new LinkedHashMap<>();
		List<String> everyTopic = new ArrayList<>();
		Set<String> languages = new TreeSet<>();
		Set<String> currencies = new TreeSet<>();
		Set<YearMonth> starts = new TreeSet<>();
		for (Row row : rows) {
			institutions.putIfAbsent(row.institution(), row.institutionName());
			everyTopic.addAll(row.topics());
			languages.add(row.language());
			if (row.currency() != null) {
				currencies.add(row.currency());
			}
			starts.addAll(row.starts());
		}
		Map<String, List<String>> spellings = Topics.spellings(everyTopic);
		Entry[] entries = rows.stream()
			.map((row) -> row.entry(spellings))
			.sorted(Comparator.comparingLong(Entry::id))
			.toArray(Entry[]::new);
		SearchFacets facets = new SearchFacets(
				institutions.entrySet()
					.stream()
					.map((institution) -> new SearchFacets.InstitutionOption(institution.getKey(),
							institution.getValue()))
					.toList(),
				Topics.names(spellings), List.copyOf(languages), List.copyOf(currencies), List.copyOf(starts));
		return new Loaded(new FacetIndex(entries, spellings), facets);
	}

	/**
	 * @param index the programmes' values
	 * @param facets the options of every filter
	 */
	record Loaded(FacetIndex index, SearchFacets facets) {
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		int months = rs.getInt("duration_months");
		return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
				ProgrammeLevel.valueOf(rs.getString("level")), StudyMode.valueOf(rs.getString("study_mode")),
				(rs.getInt("pace_percent") == 100) ? Pace.FULL_TIME : Pace.PART_TIME, rs.getString("language"),
				DurationBand.of(months), List.of(strings(rs.getArray("topics"))), rs.getString("tuition_currency"),
				rs.getBigDecimal("total_tuition"), rs.getBoolean("open"),
				Arrays.stream(strings(rs.getArray("starts"))).map(YearMonth::parse).toList());
	}

	private static String[] strings(@Nullable Array array) throws SQLException {
		return (array != null) ? (String[]) array.getArray() : new String[0];
	}

	/** A row as read, before its topics are named as the topic filter names them. */
	private record Row(long id, String institution, String institutionName, ProgrammeLevel level, StudyMode mode,
			Pace pace, String language, DurationBand duration, List<String> topics, @Nullable String currency,
			@Nullable BigDecimal tuition, boolean open, List<YearMonth> starts) {

		Entry entry(Map<String, List<String>> spellings) {
			Set<String> names = new LinkedHashSet<>();
			for (String topic : this.topics) {
				names.add(spellings.get(Topics.key(topic)).get(0));
			}
			return new Entry(this.id, this.institution, this.level, this.mode, this.pace, this.language, this.duration,
					Set.copyOf(names), this.currency, this.tuition, this.open, Set.copyOf(this.starts));
		}

	}

	/** The spellings of each topic, by {@link Topics#key}. */
	Map<String, List<String>> spellings() {
		return this.spellings;
	}

	/**
	 * How many programmes each option of each filter would find, the other filters as
	 * chosen: the usual rule of faceted search, under which a filter's own choice does
	 * not narrow its own counts (choosing another level shows what that level would
	 * find).
	 * @param criteria the search
	 * @param amount a budget typed without a currency, which the currency's counts apply
	 * (choosing a currency makes it the budget); {@code null} when none was typed
	 * @param matched the ids of the published programmes the search's words match, or
	 * {@code null} when it has none
	 * @return the counts
	 */
	FacetCounts count(ProgrammeSearchCriteria criteria, @Nullable BigDecimal amount, long @Nullable [] matched) {
		Selection selection = new Selection(criteria, amount, this.spellings);
		List<Facet> chosen = Arrays.stream(Facet.values()).filter(selection::chosen).toList();
		Map<Facet, Map<Object, Long>> counts = new EnumMap<>(Facet.class);
		long[] any = new long[Facet.values().length];
		long total = 0;
		for (Facet facet : Facet.values()) {
			counts.put(facet, new LinkedHashMap<>());
		}
		int size = (matched != null) ? matched.length : this.entries.length;
		for (int i = 0; i < size; i++) {
			Entry entry;
			if (matched != null) {
				int at = Arrays.binarySearch(this.ids, matched[i]);
				if (at < 0) {
					// Published after the index was read; the next search reads it again.
					continue;
				}
				entry = this.entries[at];
			}
			else {
				entry = this.entries[i];
			}
			// A programme counts for every filter when it passes them all, and for the
			// one filter it fails when it fails one: choosing another option there could
			// find it.
			Facet failed = null;
			int failures = 0;
			for (Facet facet : chosen) {
				if (!selection.passes(facet, entry) && ++failures == 1) {
					failed = facet;
				}
			}
			if (failures > 1) {
				continue;
			}
			if (failures == 0) {
				total++;
			}
			for (Facet facet : Facet.values()) {
				if (failures == 0 || facet == failed) {
					any[facet.ordinal()]++;
					Map<Object, Long> tally = counts.get(facet);
					selection.values(facet, entry, (value) -> tally.merge(value, 1L, Long::sum));
				}
			}
		}
		return new FacetCounts(counts, any, total);
	}

	/** The criteria of one search, ready to test entries against. */
	private static final class Selection {

		private final ProgrammeSearchCriteria criteria;

		private final @Nullable BigDecimal limit;

		/** The topic as the filter names it; {@code null} when no programme lists it. */
		private final @Nullable String topic;

		Selection(ProgrammeSearchCriteria criteria, @Nullable BigDecimal amount, Map<String, List<String>> spellings) {
			this.criteria = criteria;
			Money budget = criteria.budget();
			this.limit = (budget != null) ? budget.amount() : amount;
			List<String> names = (criteria.topic() != null) ? spellings.get(Topics.key(criteria.topic())) : null;
			this.topic = (names != null) ? names.get(0) : null;
		}

		boolean chosen(Facet facet) {
			return switch (facet) {
				case INSTITUTION -> this.criteria.institution() != null;
				case LEVEL -> this.criteria.level() != null;
				case MODE -> this.criteria.mode() != null;
				case PACE -> this.criteria.pace() != null;
				case LANGUAGE -> this.criteria.language() != null;
				case DURATION -> this.criteria.duration() != null;
				case TOPIC -> this.criteria.topic() != null;
				case BUDGET -> this.criteria.budget() != null;
				case START -> this.criteria.start() != null;
				case OPEN -> this.criteria.openOnly();
			};
		}

		boolean passes(Facet facet, Entry entry) {
			return switch (facet) {
				case INSTITUTION -> entry.institution().equals(this.criteria.institution());
				case LEVEL -> entry.level() == this.criteria.level();
				case MODE -> entry.mode() == this.criteria.mode();
				case PACE -> entry.pace() == this.criteria.pace();
				case LANGUAGE -> entry.language().equals(this.criteria.language());
				case DURATION -> entry.duration() == this.criteria.duration();
				case TOPIC -> this.topic != null && entry.topics().contains(this.topic);
				case BUDGET -> entry.currency() != null && entry.currency().equals(this.criteria.budget().currency())
						&& entry.tuition().compareTo(this.criteria.budget().amount()) <= 0;
				case START -> entry.starts().contains(this.criteria.start());
				case OPEN -> entry.open();
			};
		}

		/** The options of the filter that would find the entry. */
		void values(Facet facet, Entry entry, Consumer<Object> option) {
			switch (facet) {
				case INSTITUTION -> option.accept(entry.institution());
				case LEVEL -> option.accept(entry.level());
				case MODE -> option.accept(entry.mode());
				case PACE -> option.accept(entry.pace());
				case LANGUAGE -> option.accept(entry.language());
				case DURATION -> option.accept(entry.duration());
				case TOPIC -> entry.topics().forEach(option);
				case BUDGET -> {
					if (entry.currency() != null
							&& (this.limit == null || entry.tuition().compareTo(this.limit) <= 0)) {
						option.accept(entry.currency());
					}
				}
				case START -> entry.starts().forEach(option);
				case OPEN -> {
					if (entry.open()) {
						option.accept(Boolean.TRUE);
					}
				}
			}
		}

	}

}
