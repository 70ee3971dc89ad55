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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * while one pass over these entries, with every option numbered, costs well under a
 * millisecond. The counts cost no statement of their own: a search with words gets the
 * ids of the programmes its words match from the search's own statement. The values are
 * worked out by the same SQL the search filters with (the total tuition, the start month
 * in the institution's zone, open now), so the counts and the results cannot disagree.
 */
final class FacetIndex {

	/** The filters, each of which has counts beside its options. */
	enum Facet {

		INSTITUTION, LEVEL, MODE, PACE, LANGUAGE, DURATION, TOPIC, BUDGET, START, OPEN

	}

	private static final int FACETS = Facet.values().length;

	/** Where a programme has no value in a filter (no published tuition). */
	private static final int NONE = -1;

	/**
	 * One published programme as the filters see it: the number of its option in each
	 * filter.
	 *
	 * @param id the programme's id
	 * @param options its option's number in each single-valued filter (its tuition's
	 * currency for {@link Facet#BUDGET}, {@link #NONE} when it publishes none), by the
	 * filter's ordinal
	 * @param topics the numbers of its topics, each once whatever its spelling
	 * @param starts the numbers of the months it starts in, for rounds whose deadline has
	 * not passed
	 * @param tuition the tuition for the whole programme, if published
	 * @param open whether a round admitting to it is open now
	 */
	private record Entry(long id, int[] options, int[] topics, int[] starts, @Nullable BigDecimal tuition,
			boolean open) {
	}

	/** Sorted by id, so that the ids a text matches are found by binary search. */
	private final Entry[] entries;

	private final long[] ids;

	/** Each filter's options in the order they are numbered, by the filter's ordinal. */
	private final List<Numbered> options;

	private final Map<String, List<String>> spellings;

	private FacetIndex(Entry[] entries, List<Numbered> options, Map<String, List<String>> spellings) {
		this.entries = entries;
		this.ids = Arrays.stream(entries).mapToLong(Entry::id).toArray();
		this.options = options;
		this.spellings = spellings;
	}

	/**
	 * The published catalogue at {@code now}, and the options it offers.
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
		List<String> topics = Topics.names(spellings);
		List<Numbered> options = List.of(new Numbered(institutions.keySet()),
				new Numbered(List.of(ProgrammeLevel.values())), new Numbered(List.of(StudyMode.values())),
				new Numbered(List.of(Pace.values())), new Numbered(languages),
				new Numbered(List.of(DurationBand.values())), new Numbered(topics), new Numbered(currencies),
				new Numbered(starts), new Numbered(List.of(Boolean.TRUE)));
		Entry[] entries = rows.stream()
			.map((row) -> row.entry(options, spellings))
			.sorted(Comparator.comparingLong(Entry::id))
			.toArray(Entry[]::new);
		SearchFacets facets = new SearchFacets(institutions.entrySet()
			.stream()
			.map((institution) -> new SearchFacets.InstitutionOption(institution.getKey(), institution.getValue()))
			.toList(), topics, List.copyOf(languages), List.copyOf(currencies), List.copyOf(starts));
		return new Loaded(new FacetIndex(entries, options, spellings), facets);
	}

	/**
	 * @param index the programmes' values
	 * @param facets the options of every filter
	 */
	record Loaded(FacetIndex index, SearchFacets facets) {
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
				ProgrammeLevel.valueOf(rs.getString("level")), StudyMode.valueOf(rs.getString("study_mode")),
				(rs.getInt("pace_percent") == 100) ? Pace.FULL_TIME : Pace.PART_TIME, rs.getString("language"),
				DurationBand.of(rs.getInt("duration_months")), List.of(strings(rs.getArray("topics"))),
				rs.getString("tuition_currency"), rs.getBigDecimal("total_tuition"), rs.getBoolean("open"),
				Arrays.stream(strings(rs.getArray("starts"))).map(YearMonth::parse).toList());
	}

	private static String[] strings(@Nullable Array array) throws SQLException {
		return (array != null) ? (String[]) array.getArray() : new String[0];
	}

	/** A row as read, before its values are numbered. */
	private record Row(long id, String institution, String institutionName, ProgrammeLevel level, StudyMode mode,
			Pace pace, String language, DurationBand duration, List<String> topics, @Nullable String currency,
			@Nullable BigDecimal tuition, boolean open, List<YearMonth> starts) {

		Entry entry(List<Numbered> options, Map<String, List<String>> spellings) {
			int[] numbers = new int[FACETS];
			Arrays.fill(numbers, NONE);
			numbers[Facet.INSTITUTION.ordinal()] = options.get(Facet.INSTITUTION.ordinal()).of(this.institution);
			numbers[Facet.LEVEL.ordinal()] = this.level.ordinal();
			numbers[Facet.MODE.ordinal()] = this.mode.ordinal();
			numbers[Facet.PACE.ordinal()] = this.pace.ordinal();
			numbers[Facet.LANGUAGE.ordinal()] = options.get(Facet.LANGUAGE.ordinal()).of(this.language);
			numbers[Facet.DURATION.ordinal()] = this.duration.ordinal();
			if (this.currency != null) {
				numbers[Facet.BUDGET.ordinal()] = options.get(Facet.BUDGET.ordinal()).of(this.currency);
			}
			Numbered topicNames = options.get(Facet.TOPIC.ordinal());
			int[] topicNumbers = this.topics.stream()
				.mapToInt((topic) -> topicNames.of(spellings.get(Topics.key(topic)).get(0)))
				.distinct()
				.toArray();
			Numbered months = options.get(Facet.START.ordinal());
			int[] startNumbers = this.starts.stream().mapToInt(months::of).distinct().toArray();
			return new Entry(this.id, numbers, topicNumbers, startNumbers, this.tuition, this.open);
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
		Selection selection = new Selection(criteria, amount);
		Facet[] chosen = Arrays.stream(Facet.values()).filter(selection::chosen).toArray(Facet[]::new);
		long[][] counts = new long[FACETS][];
		for (Facet facet : Facet.values()) {
			counts[facet.ordinal()] = new long[this.options.get(facet.ordinal()).size()];
		}
		long[] any = new long[FACETS];
		long total = 0;
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
				for (Facet facet : Facet.values()) {
					tally(facet, entry, selection, counts, any);
				}
			}
			else {
				tally(failed, entry, selection, counts, any);
			}
		}
		return new FacetCounts(this.options, counts, any, total);
	}

	/** Counts the entry for the options of the filter that would find it. */
	private static void tally(Facet facet, Entry entry, Selection selection, long[][] counts, long[] any) {
		int f = facet.ordinal();
		any[f]++;
		long[] tally = counts[f];
		switch (facet) {
			case TOPIC -> {
				for (int topic : entry.topics()) {
					tally[topic]++;
				}
			}
			case START -> {
				for (int month : entry.starts()) {
					tally[month]++;
				}
			}
			case BUDGET -> {
				if (entry.options()[f] != NONE && selection.withinLimit(entry)) {
					tally[entry.options()[f]]++;
				}
			}
			case OPEN -> {
				if (entry.open()) {
					tally[0]++;
				}
			}
			default -> tally[entry.options()[f]]++;
		}
	}

	/** The criteria of one search, its choices numbered as the entries' options are. */
	private final class Selection {

		private final ProgrammeSearchCriteria criteria;

		/** The number of the option chosen in each filter, by the filter's ordinal. */
		private final int[] chosen = new int[FACETS];

		private final @Nullable BigDecimal limit;

		Selection(ProgrammeSearchCriteria criteria, @Nullable BigDecimal amount) {
			this.criteria = criteria;
			Money budget = criteria.budget();
			this.limit = (budget != null) ? budget.amount() : amount;
			Arrays.fill(this.chosen, NONE);
			choose(Facet.INSTITUTION, criteria.institution());
			choose(Facet.LEVEL, criteria.level());
			choose(Facet.MODE, criteria.mode());
			choose(Facet.PACE, criteria.pace());
			choose(Facet.LANGUAGE, criteria.language());
			choose(Facet.DURATION, criteria.duration());
			if (criteria.topic() != null) {
				List<String> names = FacetIndex.this.spellings.get(Topics.key(criteria.topic()));
				choose(Facet.TOPIC, (names != null) ? names.get(0) : null);
			}
			choose(Facet.BUDGET, (budget != null) ? budget.currency() : null);
			choose(Facet.START, criteria.start());
		}

		/** A value no published programme has gets no number, and matches none. */
		private void choose(Facet facet, @Nullable Object value) {
			if (value != null) {
				this.chosen[facet.ordinal()] = FacetIndex.this.options.get(facet.ordinal()).of(value);
			}
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
			int choice = this.chosen[facet.ordinal()];
			return switch (facet) {
				case TOPIC -> contains(entry.topics(), choice);
				case START -> contains(entry.starts(), choice);
				case BUDGET -> choice != NONE && entry.options()[facet.ordinal()] == choice && withinLimit(entry);
				case OPEN -> entry.open();
				default -> choice != NONE && entry.options()[facet.ordinal()] == choice;
			};
		}

		/** Whether the entry's tuition is within the amount typed, or none was. */
		boolean withinLimit(Entry entry) {
			return this.limit == null || entry.tuition().compareTo(this.limit) <= 0;
		}

		private static boolean contains(int[] numbers, int number) {
			if (number == NONE) {
				return false;
			}
			for (int candidate : numbers) {
				if (candidate == number) {
					return true;
				}
			}
			return false;
		}

	}

	/** A filter's options, numbered in order. */
	static final class Numbered {

		private final Map<Object, Integer> numbers = new HashMap<>();

		Numbered(Iterable<?> options) {
			for (Object option : options) {
				this.numbers.putIfAbsent(option, this.numbers.size());
			}
		}

		/** The option's number, or {@link #NONE} when there is no such option. */
		int of(Object option) {
			return this.numbers.getOrDefault(option, NONE);
		}

		int size() {
			return this.numbers.size();
		}

	}

}
