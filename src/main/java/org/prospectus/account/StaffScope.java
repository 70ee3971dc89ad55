package org.prospectus.account;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Where a signed-in member of staff may act, role by role: everywhere (a portal-wide
 * role) or at some institutions (memberships). {@link StaffRole#ADMIN} includes the other
 * roles at the same reach. Anyone who is not staff has no scope at all. Kept in the
 * session with the principal; a change of memberships ends the session (the access epoch
 * moves on).
 */
@NamedInterface("api")
public final class StaffScope implements Serializable {

	private static final long serialVersionUID = 1L;

	/** No role anywhere. */
	public static final StaffScope NONE = new StaffScope(EnumSet.noneOf(StaffRole.class), Map.of());

	private final Set<StaffRole> everywhere;

	private final Map<StaffRole, Set<Long>> institutions;

	StaffScope(Set<StaffRole> everywhere, Map<StaffRole, Set<Long>> institutions) {
		this.everywhere = implied(StaffRole.setOf(everywhere));
		Map<StaffRole, Set<Long>> at = new EnumMap<>(StaffRole.class);
		institutions.forEach((role, ids) -> {
			for (StaffRole granted : implied(EnumSet.of(role))) {
				at.computeIfAbsent(granted, (r) -> new TreeSet<>()).addAll(ids);
			}
		});
		at.replaceAll((role, ids) -> Set.copyOf(ids));
		this.institutions = Map.copyOf(at);
	}

	private static Set<StaffRole> implied(Set<StaffRole> roles) {
		return roles.contains(StaffRole.ADMIN) ? EnumSet.allOf(StaffRole.class) : roles;
	}

	/** The scope of whoever is signed in on this thread. */
	public static StaffScope current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			return principal.scope();
		}
		return NONE;
	}

	/** Whether the role holds at every institution. */
	public boolean isEverywhere(StaffRole role) {
		return this.everywhere.contains(role);
	}

	/**
	 * The institutions where the role holds, when it does not hold everywhere: for a
	 * query's {@code in (...)}. Empty when the role holds nowhere.
	 */
	public Set<Long> institutions(StaffRole role) {
		return this.institutions.getOrDefault(role, Set.of());
	}

	/** Whether the role holds at this institution. */
	public boolean covers(StaffRole role, @Nullable Long institutionId) {
		return isEverywhere(role) || (institutionId != null && institutions(role).contains(institutionId));
	}

	/**
	 * The institutions where the role holds, for a query's
	 * {@code (:everywhere = true or i.id in :ids)}: never empty, since an empty
	 * {@code in ()} is not SQL.
	 */
	public Set<Long> institutionsForQuery(StaffRole role) {
		Set<Long> ids = institutions(role);
		return ids.isEmpty() ? Set.of(-1L) : ids;
	}

	/** Whether the role holds anywhere at all. */
	public boolean hasAnywhere(StaffRole role) {
		return isEverywhere(role) || !institutions(role).isEmpty();
	}

	/** Whether this is an administrator of the whole portal. */
	public boolean isPortalAdministrator() {
		return isEverywhere(StaffRole.ADMIN);
	}

	/**
	 * The authorities that guard the staff routes: each role held somewhere, except that
	 * an institution's administrator is not the portal's ({@code ROLE_ADMIN} opens the
	 * portal-wide pages) but {@code ROLE_INSTITUTION_ADMIN}, with the editor's and the
	 * admissions officer's authorities for that institution.
	 */
	Set<String> authorities() {
		Set<String> authorities = new TreeSet<>();
		this.everywhere.forEach((role) -> authorities.add(role.authority()));
		this.institutions.keySet()
			.forEach((role) -> authorities
				.add((role == StaffRole.ADMIN) ? INSTITUTION_ADMIN_AUTHORITY : role.authority()));
		return authorities;
	}

	/** The authority of an institution's administrator. */
	public static final String INSTITUTION_ADMIN_AUTHORITY = "ROLE_INSTITUTION_ADMIN";

	@Override
	public String toString() {
		return "StaffScope[everywhere=" + this.everywhere + ", institutions=" + this.institutions + "]";
	}

}
