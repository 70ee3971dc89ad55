package org.prospectus.account;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.mail.MailOutbox;
import org.prospectus.support.Emails;
import org.prospectus.web.Formats;
import org.prospectus.web.PublicUrls;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with staff accounts: invite people, give them roles, disable and
 * enable them. Every change lands in the audit log; disabling someone ends their sessions
 * at once.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'INSTITUTION_ADMIN')")
public class StaffManagement {

	static final String ENTITY_TYPE = "staff-user";

	private final StaffUserRepository users;

	private final StaffAccounts accounts;

	private final AuditLog auditLog;

	private final SessionRegistry sessions;

	private final StaffMemberships memberships;

	private final MailOutbox outbox;

	private final PublicUrls urls;

	StaffManagement(StaffUserRepository users, StaffAccounts accounts, AuditLog auditLog, SessionRegistry sessions,
			StaffMemberships memberships, MailOutbox outbox, PublicUrls urls) {
		this.outbox = outbox;
		this.urls = urls;
		this.users = users;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.sessions = sessions;
		this.memberships = memberships;
	}

	/**
	 * The people the signed-in administrator manages: everyone for the portal's, and for
	 * an institution's those with a role at one of their institutions (ADR 0018).
	 */
	@Transactional(readOnly = true)
	public List<StaffUser> list() {
		List<StaffUser> everyone = this.users.findAllWithRoles();
		StaffScope scope = StaffScope.current();
		if (scope.isPortalAdministrator()) {
			return everyone;
		}
		Set<Long> members = this.memberships.membersOf(scope.institutions(StaffRole.ADMIN));
		return everyone.stream().filter((user) -> members.contains(user.getId())).toList();
	}

	/**
	 * Someone the signed-in administrator manages; empty for anyone else, as for nobody.
	 */
	@Transactional(readOnly = true)
	public Optional<StaffUser> find(long id) {
		StaffScope scope = StaffScope.current();
		return this.users.findByIdWithRoles(id)
			.filter((user) -> scope.isPortalAdministrator()
					|| this.memberships.membersOf(scope.institutions(StaffRole.ADMIN)).contains(id));
	}

	/**
	 * The institutions the signed-in administrator gives roles at, by name: every one for
	 * the portal's administrator.
	 */
	@Transactional(readOnly = true)
	public List<StaffMemberships.Place> places() {
		StaffScope scope = StaffScope.current();
		return this.memberships.places(scope.isPortalAdministrator() ? null : scope.institutions(StaffRole.ADMIN));
	}

	/**
	 * The roles of each person {@link #list()} shows, at the institutions the signed-in
	 * administrator administers, by person id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<StaffMemberships.Held>> heldByPerson() {
		StaffScope scope = StaffScope.current();
		Map<Long, List<StaffMemberships.Held>> byPerson = new HashMap<>();
		this.memberships.heldByPerson()
			.forEach((person, held) -> byPerson.put(person,
					held.stream().filter((h) -> scope.covers(StaffRole.ADMIN, h.place().id())).toList()));
		return byPerson;
	}

	/** The person's roles at each institution. */
	@Transactional(readOnly = true)
	public List<StaffMemberships.Held> held(long id) {
		StaffScope scope = StaffScope.current();
		return this.memberships.held(id)
			.stream()
			.filter((held) -> scope.covers(StaffRole.ADMIN, held.place().id()))
			.toList();
	}

	/**
	 * Whether the signed-in administrator manages the whole account (its access and
	 * links), not only its roles at their institutions: the portal's administrator
	 * always, an institution's when every role the person has is at one of their
	 * institutions.
	 */
	@Transactional(readOnly = true)
	public boolean managesAccount(StaffUser user) {
		StaffScope scope = StaffScope.current();
		if (scope.isPortalAdministrator()) {
			return true;
		}
		Set<Long> mine = scope.institutions(StaffRole.ADMIN);
		return user.getRoles().isEmpty()
				&& this.memberships.of(user.getId()).values().stream().allMatch(mine::containsAll);
	}

	/**
	 * Changes someone's roles at one institution by what the administrator ticked and
	 * unticked on a form that showed {@code shown}: roles added to it are given, roles
	 * taken from it are removed, and no other role is touched. Adding every role of none
	 * shown adds the person to the institution; unticking all removes them from it. Their
	 * sessions end.
	 * @throws StaleMembershipException when the person's roles there are no longer
	 * {@code shown}: somebody changed them since the form was shown, and nothing is
	 * written
	 * @throws StaffChangeRefusedException when an administrator would remove their own
	 * administration of the institution
	 * @throws org.springframework.security.access.AccessDeniedException when the
	 * signed-in person does not administer the institution
	 */
	@Transactional
	public void changeMemberships(long id, long institutionId, Set<StaffRole> shown, Set<StaffRole> roles,
			String actingEmail) {
		StaffScope scope = StaffScope.current();
		if (!scope.covers(StaffRole.ADMIN, institutionId)) {
			throw new AccessDeniedException("Not an administrator there");
		}
		StaffUser user = this.users.findByIdWithRoles(id).orElseThrow();
		// Two saves for the same person queue here, so the second compares with what the
		// first wrote, not with what both read.
		this.memberships.lock(id);
		Set<StaffRole> before = this.memberships.at(id, institutionId);
		if (!before.equals(shown)) {
			throw new StaleMembershipException(before);
		}
		Set<StaffRole> added = StaffRole.setOf(roles);
		added.removeAll(shown);
		Set<StaffRole> removed = StaffRole.setOf(shown);
		removed.removeAll(roles);
		if (user.getEmail().equals(Emails.canonical(actingEmail)) && removed.contains(StaffRole.ADMIN)
				&& !scope.isPortalAdministrator()) {
			throw new StaffChangeRefusedException("roles", "staff.memberships.self");
		}
		if (added.isEmpty() && removed.isEmpty()) {
			return;
		}
		this.memberships.change(id, institutionId, added, removed);
		Set<StaffRole> after = this.memberships.at(id, institutionId);
		this.auditLog.recordAt(institutionId, AuditAction.ROLE_CHANGE, ENTITY_TYPE, id,
				"Changed the roles of " + user.getEmail() + " at " + this.memberships.name(institutionId),
				new FieldChange.Diff().field("staff.memberships", names(before), names(after)).changes());
		expireSessions(user);
	}

	/**
	 * Creates an account without a password, and e-mails the person a single-use link
	 * with which they set one, valid for {@link StaffAccounts#INVITATION_LIFETIME}.
	 * @return the link, for the administrator to see once
	 * @throws StaffChangeRefusedException when the e-mail already has an account
	 */
	@Transactional
	public Link invite(String email, String displayName, Set<StaffRole> roles, @Nullable Long institutionId) {
		StaffScope scope = StaffScope.current();
		if ((institutionId == null) ? !scope.isPortalAdministrator() : !scope.covers(StaffRole.ADMIN, institutionId)) {
			throw new StaffChangeRefusedException("institution", "staff.invite.institution");
		}
		if (this.users.findByEmailWithRoles(Emails.canonical(email)).isPresent()) {
			throw new StaffChangeRefusedException("email", "staff.invite.exists");
		}
		StaffUser user = this.users
			.save(new StaffUser(email, displayName.strip(), (institutionId == null) ? roles : Set.of()));
		FieldChange.Diff diff = new FieldChange.Diff().field("staff.email", null, user.getEmail())
			.field("staff.name", null, user.getDisplayName());
		if (institutionId == null) {
			this.auditLog.record(AuditAction.CREATE, ENTITY_TYPE, user.getId(), "Invited " + user.getEmail(),
					diff.field("staff.roles", null, names(user.getRoles())).changes());
		}
		else {
			this.users.flush();
			this.memberships.replace(user.getId(), institutionId, roles);
			this.auditLog.recordAt(institutionId, AuditAction.CREATE, ENTITY_TYPE, user.getId(),
					"Invited " + user.getEmail() + " to " + this.memberships.name(institutionId),
					diff.field("staff.memberships", null, names(roles)).changes());
		}
		return send(user, TokenPurpose.INVITATION);
	}

	/**
	 * A new single-use link for someone, e-mailed to them: an invitation again for a
	 * password never set, a short-lived reset for one lost.
	 * @return the link, for the administrator to see once
	 */
	@Transactional
	public Link newLink(long id) {
		StaffUser user = this.users.findByIdWithRoles(id).orElseThrow();
		requireAccount(user);
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, id,
				"Issued a new set-password link for " + user.getEmail(), List.of());
		return send(user, user.hasPassword() ? TokenPurpose.PASSWORD_RESET : TokenPurpose.INVITATION);
	}

	/**
	 * Issues a link and puts it in the outbox, in this transaction: the mail goes exactly
	 * when the account change does.
	 */
	private Link send(StaffUser user, TokenPurpose purpose) {
		StaffAccounts.IssuedToken issued = this.accounts.issue(user, purpose);
		String url = this.urls.at("/staff/set-password").queryParam("token", issued.token()).build().toUriString();
		this.outbox
			.enqueue(user.getEmail(), "staff-link",
					Map.of("name", user.getDisplayName(), "link", url, "invitation", purpose == TokenPurpose.INVITATION,
							"expiresAt", Formats.at(issued.expiresAt(), ZoneId.of("UTC"), Locale.ENGLISH)),
					Locale.ENGLISH);
		return new Link(url, issued.expiresAt());
	}

	/**
	 * A single-use link to set a password, e-mailed to the person.
	 *
	 * @param url the link
	 * @param expiresAt when it stops working
	 */
	public record Link(String url, Instant expiresAt) {

	}

	/**
	 * Replaces someone's roles, if nobody changed the account since
	 * {@code expectedVersion}.
	 * @throws StaleStaffEditException when somebody did
	 * @throws StaffChangeRefusedException when it would leave no administrator
	 */
	@Transactional
	public void changeRoles(long id, long expectedVersion, Set<StaffRole> roles) {
		if (!StaffScope.current().isPortalAdministrator()) {
			throw new AccessDeniedException("Portal-wide roles");
		}
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
		requireAccount(user);
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
		requireAccount(user);
		if (user.isEnabled()) {
			return;
		}
		user.enable();
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, id, "Enabled " + user.getEmail(),
				new FieldChange.Diff().field("staff.enabled", false, true).changes());
	}

	private void requireAccount(StaffUser user) {
		if (!managesAccount(user)) {
			throw new AccessDeniedException("Account of several institutions");
		}
	}

	private boolean isLastAdministrator(StaffUser user) {
		return this.users.countActiveAdministratorsOtherThan(user.getId()) == 0;
	}

	/**
	 * Ends a person's sessions on every instance: the shared session store finds them by
	 * the signed-in name (ADR 0020). The access epoch ends them too, at their next
	 * request (ADR 0008); this marks them expired at once, so that the page says so.
	 */
	private void expireSessions(StaffUser user) {
		this.sessions.getAllSessions(user.getEmail(), false).forEach(SessionInformation::expireNow);
	}

	private static String names(Set<StaffRole> roles) {
		Set<String> sorted = new TreeSet<>();
		roles.forEach((role) -> sorted.add(role.name()));
		return String.join(", ", sorted);
	}

}
