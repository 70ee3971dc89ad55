package org.prospectus.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import org.hibernate.annotations.OptimisticLock;
import org.prospectus.support.BaseEntity;
import org.prospectus.support.Emails;

import org.springframework.modulith.NamedInterface;

/**
 * A member of staff who signs in to the staff area. The password hash is empty until the
 * person sets a password through a single-use link; nobody else ever chooses it.
 */
@Entity
@NamedInterface("api")
public class StaffUser extends BaseEntity {

	private String email;

	private String displayName;

	private String passwordHash;

	private boolean enabled = true;

	/**
	 * The account's bookkeeping, not an edit: a sign-in does not move the version, so an
	 * administrator's open form on the account stays current.
	 */
	@OptimisticLock(excluded = true)
	private Instant lastSignInAt;

	/**
	 * Goes up whenever what this person may do changes; see {@link StaffAccessFilter}.
	 */
	private long accessEpoch;

	@ElementCollection
	@CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

	protected StaffUser() {
	}

	public StaffUser(String email, String displayName, Set<StaffRole> roles) {
		this.email = Emails.canonical(email);
		this.displayName = displayName;
		this.roles = StaffRole.setOf(roles);
	}

	public String getEmail() {
		return this.email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean hasPassword() {
		return this.passwordHash != null;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		this.accessEpoch++;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void disable() {
		this.enabled = false;
		this.accessEpoch++;
	}

	public void enable() {
		this.enabled = true;
	}

	public Instant getLastSignInAt() {
		return this.lastSignInAt;
	}

	void signedInAt(Instant instant) {
		this.lastSignInAt = instant;
	}

	public Set<StaffRole> getRoles() {
		return Set.copyOf(this.roles);
	}

	public void setRoles(Set<StaffRole> roles) {
		if (!this.roles.equals(roles)) {
			this.accessEpoch++;
		}
		this.roles.clear();
		this.roles.addAll(roles);
	}

	long getAccessEpoch() {
		return this.accessEpoch;
	}

}
