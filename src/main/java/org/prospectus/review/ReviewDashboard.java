package org.prospectus.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.prospectus.decisions.AdmissionsReach;
import org.prospectus.applications.ApplicationStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's submitted applications counted by first-choice programme and status, and
 * submissions per day in the round's time zone: two grouped statements, each an
 * index-only range of one round (V15).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
public class ReviewDashboard {

	private final JdbcClient jdbc;

	private final AdmissionsReach reach;

	ReviewDashboard(JdbcClient jdbc, AdmissionsReach reach) {
		this.jdbc = jdbc;
		this.reach = reach;
	}

	@Transactional(readOnly = true)
	public Tally tally(QueueOptions.Round round, Map<Long, QueueOptions.Programme> programmes) {
		Map<Long, Map<ApplicationStatus, Integer>> byProgramme = new LinkedHashMap<>();
		// The round's own programmes first, so that one without applications shows as 0.
		this.jdbc.sql("select programme_id from intake_round_programmes_for_review where round_id = :round")
			.param("round", round.id())
			.query(Long.class)
			.list()
			.forEach((id) -> byProgramme.put(id, new EnumMap<>(ApplicationStatus.class)));
		// A joint round's partner counts the applications that reach it (ADR 0018).
		Map<String, Object> params = new LinkedHashMap<>();
		String reach = this.reach.current().visible(params);
		params.put("round", round.id());
		this.jdbc.sql("""
				select a.first_choice_programme_id, a.status, count(*) as n
				from applications_queue_for_review a
				where a.submitted_at is not null and a.round_id = :round""" + " and " + reach + """

				group by a.first_choice_programme_id, a.status""").params(params).query((rs) -> {
			long id = rs.getLong("first_choice_programme_id");
			Long programme = rs.wasNull() ? null : id;
			byProgramme.computeIfAbsent(programme, (p) -> new EnumMap<>(ApplicationStatus.class))
				.merge(ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("n"), Integer::sum);
		});
		List<Line> lines = new ArrayList<>();
		byProgramme.forEach((id, counts) -> lines.add(new Line(id, (id != null) ? programmes.get(id) : null, counts)));
		lines.sort(
				Comparator.comparing((Line line) -> (line.programme() != null) ? line.programme().title() : "\uffff"));
		params.put("zone", round.zone().getId());
		List<Day> days = this.jdbc.sql("""
				select cast(a.submitted_at at time zone :zone as date) as day, count(*) as n
				from applications_queue_for_review a
				where a.submitted_at is not null and a.round_id = :round""" + " and " + reach + """

				group by 1 order by 1""")
			.params(params)
			.query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getInt("n")))
			.list();
		return new Tally(round, lines, days);
	}

	/**
	 * @param lines one per programme, in title order; a line without a programme counts
	 * applications without a first choice
	 */
	public record Tally(QueueOptions.Round round, List<Line> lines, List<Day> days) {

		public int total(ApplicationStatus status) {
			return this.lines.stream().mapToInt((line) -> line.count(status)).sum();
		}

		public int total() {
			return this.lines.stream().mapToInt(Line::total).sum();
		}

		public int busiestDay() {
			return this.days.stream().mapToInt(Day::count).max().orElse(0);
		}

		public ZoneId zone() {
			return this.round.zone();
		}

	}

	public record Line(Long programmeId, QueueOptions.Programme programme, Map<ApplicationStatus, Integer> counts) {

		public int count(ApplicationStatus status) {
			return this.counts.getOrDefault(status, 0);
		}

		public int total() {
			return this.counts.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	public record Day(LocalDate day, int count) {
	}

}
