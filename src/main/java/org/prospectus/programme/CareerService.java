package org.prospectus.programme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Careers as the public sees them, with the published programmes that lead to each. */
@Service
@Transactional(readOnly = true)
@NamedInterface("api")
public class CareerService {

	private final CareerRepository careers;

	CareerService(CareerRepository careers) {
		this.careers = careers;
	}

	/**
	 * Every career in order, each with the published programmes that lead to it: two
	 * queries however many careers and programmes there are.
	 */
	public List<CareerListing> listing() {
		Map<Long, List<Programme>> programmes = new LinkedHashMap<>();
		for (ProgrammeCareer link : this.careers.findPublishedLinks()) {
			programmes.computeIfAbsent(link.getCareer().getId(), (id) -> new ArrayList<>()).add(link.getProgramme());
		}
		return this.careers.findAllInOrder()
			.stream()
			.map((career) -> new CareerListing(career, List.copyOf(programmes.getOrDefault(career.getId(), List.of()))))
			.toList();
	}

	/** The careers a programme leads to, in its order. */
	public List<Career> careersOf(Programme programme) {
		return this.careers.findLinksOf(programme.getId()).stream().map(ProgrammeCareer::getCareer).toList();
	}

	/**
	 * The countries, by name, that these careers' pay figures describe other than the
	 * given one: a page that lists them says so, rather than let another country's pay
	 * pass for local.
	 */
	public static List<String> payCountriesOtherThan(List<Career> careers, String countryCode) {
		return careers.stream()
			.filter((career) -> career.getSalaryCountry() != null && !career.getSalaryCountry().equals(countryCode))
			.map(Career::getSalaryCountryName)
			.distinct()
			.sorted()
			.toList();
	}

	/** The careers of several programmes by programme id, in one query. */
	public Map<Long, List<Career>> careersOf(Collection<Long> programmeIds) {
		Map<Long, List<Career>> byProgramme = new LinkedHashMap<>();
		if (programmeIds.isEmpty()) {
			return byProgramme;
		}
		for (ProgrammeCareer link : this.careers.findLinksOf(programmeIds)) {
			byProgramme.computeIfAbsent(link.getProgramme().getId(), (id) -> new ArrayList<>()).add(link.getCareer());
		}
		return byProgramme;
	}

	/**
	 * @param career the career
	 * @param programmes the published programmes that lead to it, by title
	 */
	public record CareerListing(Career career, List<Programme> programmes) {
	}

}
