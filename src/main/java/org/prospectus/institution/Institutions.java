package org.prospectus.institution;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institutions as the other modules read them: the course and programme editors pick
 * the institution an entry belongs to from here.
 */
@Service
@Transactional(readOnly = true)
public class Institutions {

	private final InstitutionRepository institutions;

	Institutions(InstitutionRepository institutions) {
		this.institutions = institutions;
	}

	public Optional<Institution> find(long id) {
		return this.institutions.findById(id);
	}

	/** Every institution, by name, as the editors' pickers list them. */
	public List<Institution> allByName() {
		return this.institutions.findAll(Sort.by("name"));
	}

}
