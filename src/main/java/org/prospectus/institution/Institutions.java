package org.prospectus.institution;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;

import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institutions as the other modules read them: the course and programme editors pick
 * the institution an entry belongs to from here.
 */
@Service
@Transactional(readOnly = true)
@NamedInterface("api")
public class Institutions {

	private final InstitutionRepository institutions;

	Institutions(InstitutionRepository institutions) {
		this.institutions = institutions;
	}

	public Optional<Institution> find(long id) {
		return this.institutions.findById(id);
	}

	/** Every institution, by name, for the public statements and the contact page. */
	public List<Institution> listed() {
		return this.institutions.findAll(Sort.by("name"));
	}

	public Optional<Institution> findBySlug(String slug) {
		return this.institutions.findBySlug(slug);
	}

	/**
	 * The institutions the signed-in editor may edit, by name, as the editors' pickers
	 * list them (ADR 0018).
	 */
	public List<Institution> allByName() {
		StaffScope scope = StaffScope.current();
		return this.institutions.findAll(Sort.by("name"))
			.stream()
			.filter((institution) -> scope.covers(StaffRole.EDITOR, institution.getId()))
			.toList();
	}

	/** Whether the signed-in editor may edit this institution's catalogue. */
	public static boolean editable(@Nullable Long institutionId) {
		return StaffScope.current().covers(StaffRole.EDITOR, institutionId);
	}

}
