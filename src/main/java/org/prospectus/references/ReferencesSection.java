package org.prospectus.references;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.prospectus.applications.Application;
import org.prospectus.applications.StatusPageSection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant's status page shows of their references: each referee's name and
 * where the request stands, never what the referee wrote.
 */
@Component
class ReferencesSection implements StatusPageSection {

	private final References references;

	ReferencesSection(References references) {
		this.references = references;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> attributes(Application application, Instant now) {
		int required = this.references.required(application);
		if (required == 0) {
			return Map.of("referencesRequired", 0, "referees", List.of());
		}
		Instant deadline = application.getRound().getDocumentsDeadlineAt();
		List<RefereeState> referees = this.references.of(application.getId())
			.stream()
			.map((request) -> new RefereeState(request.getRefereeName(), request.shownState(now, deadline)))
			.toList();
		return Map.of("referencesRequired", required, "referees", referees);
	}

	/**
	 * A referee as the applicant sees them.
	 *
	 * @param name the referee's name
	 * @param state where the request stands
	 */
	record RefereeState(String name, ReferenceState state) {

	}

}
