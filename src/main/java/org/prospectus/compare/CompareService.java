package org.prospectus.compare;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.prospectus.intake.ProgrammeRounds;
import org.prospectus.intake.RoundService;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeFacts;
import org.prospectus.programme.ProgrammeService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the comparison of a shortlist in one read transaction and a fixed number of
 * queries (programmes, plans, careers, rounds), however many programmes are compared.
 */
@Service
@Transactional(readOnly = true)
public class CompareService {

	private final ProgrammeService programmes;

	private final RoundService rounds;

	CompareService(ProgrammeService programmes, RoundService rounds) {
		this.programmes = programmes;
		this.rounds = rounds;
	}

	public Comparison compare(Shortlist requested) {
		Map<String, ProgrammeFacts> bySlug = new LinkedHashMap<>();
		List<String> lookups = requested.slugs().stream().filter(Shortlist::isSlug).toList();
		this.programmes.findPublishedForComparison(lookups)
			.forEach((facts) -> bySlug.put(facts.programme().getSlug(), facts));
		List<ProgrammeFacts> found = new ArrayList<>();
		List<String> notFound = new ArrayList<>();
		for (String slug : requested.slugs()) {
			ProgrammeFacts facts = bySlug.get(slug);
			if (facts != null) {
				found.add(facts);
			}
			else {
				notFound.add(slug);
			}
		}
		List<ProgrammeFacts> compared = found.subList(0, Math.min(found.size(), Shortlist.LIMIT));
		List<Programme> overLimit = found.subList(compared.size(), found.size())
			.stream()
			.map(ProgrammeFacts::programme)
			.toList();
		Map<Long, ProgrammeRounds> rounds = compared.isEmpty() ? Map.of()
				: this.rounds.roundsFor(compared.stream().map(ProgrammeFacts::programme).toList());
		List<Column> columns = compared.stream().map((facts) -> {
			ProgrammeRounds programmeRounds = rounds.get(facts.programme().getId());
			return new Column(facts.programme(), facts.plan(), facts.careers(),
					(programmeRounds != null) ? programmeRounds.current() : null, Tuition.of(facts.programme()));
		}).toList();
		Set<Row> differing = EnumSet.noneOf(Row.class);
		for (Row row : Row.values()) {
			if (row.differsAcross(columns)) {
				differing.add(row);
			}
		}
		Shortlist kept = new Shortlist(found.stream().map((facts) -> facts.programme().getSlug()).toList());
		return new Comparison(columns, overLimit, List.copyOf(notFound), kept, differing, sharedTopics(columns));
	}

	private static Set<String> sharedTopics(List<Column> columns) {
		if (columns.size() < 2) {
			return Set.of();
		}
		Set<String> shared = new LinkedHashSet<>(columns.get(0).programme().getTopics());
		columns.forEach((column) -> shared.retainAll(column.programme().getTopics()));
		return shared;
	}

}
