package org.prospectus.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.support.Emails;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with staff accounts: invite people, give them roles, disable and
 * enable them. Every change lands in the audit log; disabling someone ends their sessions
 * at once.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class StaffManagement {

	static final String ENTITY_TYPE = "staff-user";

	private final StaffUserRepository users;

	private final StaffAccounts accounts;

	private final AuditLog auditLog;

	private final SessionRegistry sessions;

	StaffManagement(StaffUserRepository users, StaffAccounts accounts, AuditLog auditLog, SessionRegistry sessions) {
		this.users = users;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.sessions = sessions;
	}

	@Transactional(readOnly = true)
	public List<StaffUser> list() {
		return this.users.findAllWithRoles();
	}

	@Transactional(readOnly = true)
	public Optional<StaffUser> find(long id) {
		return this.users.findByIdWithRoles(id);
	}

	/**
	 * Creates an account without a password and returns the token of a single-use link
	 * with which the person sets one.
	 * @throws StaffChangeRefusedException when the e-mail already has an account
	 */
	@Transactional
	public String invite(String email, String displayName, Set<StaffRole> roles) {
		if (this.users.findByEmailWithRoles(Emails.canonical(email)).isPresent()) {
			throw new StaffChangeRefusedException("email", "staff.invite.exists");
		}
		StaffUser user = this.users.save(new StaffUser(email, displayName.strip(), roles));
		this.auditLog.record(AuditAction.CREATE, ENTITY_TYPE, user.getId(), "Invited " + user.getEmail(),
				new FieldChange.Diff().field("staff.email", null, user.getEmail())
					.field("staff.name", null, user.getDisplayName())
					.field("staff.roles", null, names(user.getRoles()))
					.changes());
		return this.accounts.issueToken(user, TokenPurpose.INVITATION);
	}

	/** A new single-use link for someone, to set a password they never set or lost. */
	@Transactional
	public String newLink(long id) {
		StaffUser user = this.users.findById(id).orElseThrow();
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, id,
				"Issued a new set-password link for " + user.getEmail(), List.of());
		return this.accounts.issueToken(user, TokenPurpose.INVITATION);
	}

	/**
	 * Replaces someone's roles, if nobody changed the account since
	 * {@code expectedVersion}.
	 * @throws StaleStaffEditException when somebody did
	 * @throws StaffChangeRefusedException when it would leave no administrator
	 */
	@Transactional
	public void changeRoles(long id, long expectedVersion, Set<StaffRole> roles) {
		StaffUser user = this.users.findByIdWithRoles(id).orElseThrow();
		if (user.getVersion() != expectedVersion) {
			throw new StaleStaffEditException(user);
		}
		if (user.getRoles().contains(StaffRole.ADMIN) && !roles.contains(StaffRole.ADMIN)
				&& isLastAdministrator(user)) {
			throw new StaffChangeRefusedException("roles", "staff.roles.last-admin");
		}
		String before = names(user.getRoles());
		user.setRoles(StaffRole.setOf(roles));
		this.auditLog.record(AuditAction.ROLE_CHANGE, ENTITY_TYPE, id, "Changed the roles of " + user.getEmail(),
				new FieldChange.Diff().field("staff.roles", before, names(user.getRoles())).changes());
		expireSessions(user);
	}

	/**
	 * Disables an account and ends its sessions.
	 * @throws StaffChangeRefusedException for one's own account or the last administrator
	 */
	@Transactional
	public void disable(long id, String actingEmail) {
		StaffUser user = this.users.findByIdWithRoles(id).orElseThrow();
		if (user.getEmail().equals(Emails.canonical(actingEmail))) {
			throw new StaffChangeRefusedException(null, "staff.disable.self");
		}
		if (!user.isEnabled()) {
			return;
		}
		if (user.getRoles().contains(StaffRole.ADMIN) && isLastAdministrator(user)) {
			throw new StaffChangeRefusedException(null, "staff.roles.last-admin");
		}
		user.disable();
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, id, "Disabled " + user.getEmail(),
				new FieldChange.Diff().field("staff.enabled", true, false).changes());
		expireSessions(user);
	}

	@Transactional
	public void enable(long id) {
		StaffUser user = this.users.findByIdWithRoles(id).orElseThrow();
		if (user.isEnabled()) {
			return;
		}
		user.enable();
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, id, "Enabled " + user.getEmail(),
				new FieldChange.Diff().field("staff.enabled", false, true).changes());
	}

	private boolean isLastAdministrator(StaffUser user) {
		return this.users.countActiveAdministratorsOtherThan(user.getId()) == 0;
	}

	/**
	 * Ends a person's sessions: their next request finds them signed out. Sessions are
	 * kept by each instance for now (see docs/adr/0008).
	 */
	private void expireSessions(StaffUser user) {
		for (Object principal : this.sessions.getAllPrincipals()) {
			if (principal instanceof UserDetails details && details.getUsername().equals(user.getEmail())) {
				this.sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}

	private static String names(Set<StaffRole> roles) {
		Set<String> sorted = new TreeSet<>();
		roles.forEach((role) -> sorted.add(role.name()));
		return String.join(", ", sorted);
	}

}
