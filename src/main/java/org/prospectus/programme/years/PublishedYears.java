package org.prospectus.programme.years;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published years of entry as the public pages read them, for the programme's service.
 */
@Component
public class PublishedYears {

	private final ProgrammeYearRepository years;

	PublishedYears(ProgrammeYearRepository years) {
		this.years = years;
	}

	/**
	 * A published year of a programme whose page is public, with the programme and its
	 * institution, in one statement.
	 */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public Optional<ProgrammeYear> find(String slug, int entryYear) {
		return this.years.findPublishedPage(slug, entryYear);
	}

}
