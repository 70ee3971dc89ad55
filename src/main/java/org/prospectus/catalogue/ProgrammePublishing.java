package org.prospectus.catalogue;

import java.util.List;
import java.util.Optional;

import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a programme on the public site, for catalogue editors: a draft is previewed
 * through the real public template, then published; a retired programme keeps its page,
 * which says it is no longer offered. Each step checks that nobody changed the programme
 * in between, and lands in the audit log.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class ProgrammePublishing {

	static final String ENTITY_TYPE = "programme";

	private final ProgrammeRepository programmes;

	private final AuditLog auditLog;

	ProgrammePublishing(ProgrammeRepository programmes, AuditLog auditLog) {
		this.programmes = programmes;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public Page<Programme> search(String text, PublicationState state, Pageable pageable) {
		return this.programmes.searchForStaff((text != null) ? text.strip() : "", state, pageable);
	}

	@Transactional(readOnly = true)
	public Optional<Programme> find(long id) {
		return this.programmes.findWithInstitution(id);
	}

	@Transactional(readOnly = true)
	public List<Programme> drafts() {
		return this.programmes.findByStateWithInstitution(PublicationState.DRAFT);
	}

	/**
	 * @throws StaleProgrammeException when the programme changed since
	 * {@code expectedVersion}
	 */
	@Transactional
	public void publish(long id, long expectedVersion) {
		change(id, expectedVersion, PublicationState.PUBLISHED, AuditAction.PUBLISH, "Published");
	}

	/**
	 * @throws StaleProgrammeException when the programme changed since
	 * {@code expectedVersion}
	 */
	@Transactional
	public void retire(long id, long expectedVersion) {
		change(id, expectedVersion, PublicationState.RETIRED, AuditAction.RETIRE, "Retired");
	}

	private void change(long id, long expectedVersion, PublicationState target, AuditAction action, String verb) {
		Programme programme = this.programmes.findWithInstitution(id).orElseThrow();
		if (programme.getVersion() != expectedVersion) {
			throw new StaleProgrammeException(programme);
		}
		PublicationState before = programme.getState();
		if (before == target) {
			return;
		}
		if (target == PublicationState.PUBLISHED) {
			programme.publish();
		}
		else {
			programme.retire();
		}
		this.auditLog.record(action, ENTITY_TYPE, id,
				verb + " the programme " + programme.getTitle() + " of " + programme.getInstitution().getName(),
				new FieldChange.Diff().field("programme.state", before, target).changes());
	}

}
