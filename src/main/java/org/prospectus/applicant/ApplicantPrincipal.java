package org.prospectus.applicant;

import java.util.List;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in applicant: their account id, for ownership checks, and the access epoch the
 * account had at sign-in.
 */
@NamedInterface("api")
public class ApplicantPrincipal extends User {

	private static final long serialVersionUID = 1L;

	/** The one authority applicants have; no staff role is ever granted with it. */
	public static final String ROLE = "ROLE_APPLICANT";

	private final long applicantId;

	private final long accessEpoch;

	ApplicantPrincipal(long applicantId, String email, String passwordHash, long accessEpoch) {
		super(email, passwordHash, List.of(new SimpleGrantedAuthority(ROLE)));
		this.applicantId = applicantId;
		this.accessEpoch = accessEpoch;
	}

	public long applicantId() {
		return this.applicantId;
	}

	long accessEpoch() {
		return this.accessEpoch;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
