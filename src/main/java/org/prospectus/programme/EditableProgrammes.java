package org.prospectus.programme;

import java.util.Optional;

import org.prospectus.institution.Institutions;
import org.prospectus.web.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The programmes the signed-in editor may edit, stage and publish: those of the
 * institutions where they are a catalogue editor (ADR 0018). Every editing service looks
 * a programme up here, so the rule holds whatever the web layer let through; another
 * institution's programme is, to them, not there.
 */
@Component
class EditableProgrammes {

	private final ProgrammeRepository programmes;

	EditableProgrammes(ProgrammeRepository programmes) {
		this.programmes = programmes;
	}

	/** The programme with its institution, when the signed-in editor may edit it. */
	Optional<Programme> find(long id) {
		return this.programmes.findWithInstitution(id)
			.filter((programme) -> Institutions.editable(programme.getInstitution().getId()));
	}

	/**
	 * The programme, when the signed-in editor may edit it.
	 * @throws NotFoundException when there is none, or it is another institution's
	 */
	Programme get(long id) {
		return find(id).orElseThrow(() -> NotFoundException.forRecord("programme", id));
	}

	/**
	 * Refuses a programme the signed-in editor may not edit, for the reads that do not
	 * need the programme itself.
	 * @throws NotFoundException when there is none, or it is another institution's
	 */
	void check(long id) {
		get(id);
	}

}
