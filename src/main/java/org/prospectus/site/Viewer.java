package org.prospectus.site;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.prospectus.account.StaffRole;
import jakarta.servlet.http.HttpSession;
import org.prospectus.applicant.ApplicantAuthentication;
import org.prospectus.applicant.ApplicantPrincipal;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is looking at a page, as the layout's header and footer ask it on every page
 * ({@code th:if="${@viewer.staff}"}): staff, a signed-in applicant, or nobody signed in.
 * <p>
 * It answers what {@code sec:authorize="hasAnyRole(…)"} and {@code isAnonymous()}
 * answered, from the same security context, without parsing an access expression and
 * building a request to evaluate it against at each of the five places on each page
 * (issue 15). As there, a request that passed no security filter (no authentication at
 * all) is none of the three.
 */
@Component("viewer")
public class Viewer {

	private static final Set<String> STAFF_ROLES = Arrays.stream(StaffRole.values())
		.map(StaffRole::authority)
		.collect(Collectors.toUnmodifiableSet());

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/** Signed in as staff: an administrator, an editor or an admissions officer. */
	public boolean isStaff() {
		return hasRole(STAFF_ROLES::contains);
	}

	/**
	 * Signed in as an applicant. Public pages pass the staff chain, whose context is not
	 * the applicant's (an applicant is never staff): there the applicant's own sign-in is
	 * read from the session, where their chain keeps it.
	 */
	public boolean isApplicant() {
		return hasRole(ApplicantPrincipal.ROLE::equals) || (!isStaff() && applicantInSession());
	}

	/** Nobody is signed in. */
	public boolean isAnonymous() {
		Authentication authentication = authentication();
		return authentication != null && this.trust.isAnonymous(authentication) && !applicantInSession();
	}

	private static boolean applicantInSession() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpSession session = attributes.getRequest().getSession(false);
		return session != null
				&& session.getAttribute(ApplicantAuthentication.SECURITY_CONTEXT_KEY) instanceof SecurityContext context
				&& context.getAuthentication() != null
				&& context.getAuthentication()
					.getAuthorities()
					.stream()
					.anyMatch((authority) -> ApplicantPrincipal.ROLE.equals(authority.getAuthority()));
	}

	private static boolean hasRole(Predicate<String> role) {
		Authentication authentication = authentication();
		return authentication != null
				&& authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role);
	}

	private static Authentication authentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

}
