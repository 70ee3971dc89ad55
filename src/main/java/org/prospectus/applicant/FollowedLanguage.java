package org.prospectus.applicant;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A signed-in applicant's language follows the pages they use (ADR 0035): switching to
 * Swedish while signed in makes their e-mails and letters Swedish from then on. The
 * session remembers the language last stored, so the account is written once a session
 * and once a switch, not on every page.
 */
@Component
class FollowedLanguage implements HandlerInterceptor, WebMvcConfigurer {

	static final String STORED = FollowedLanguage.class.getName() + ".stored";

	private final ApplicantRepository applicants;

	FollowedLanguage(ApplicantRepository applicants) {
		this.applicants = applicants;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/account", "/account/**", "/applications/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || !(signedIn.getPrincipal() instanceof ApplicantPrincipal applicant)) {
			return true;
		}
		HttpSession session = request.getSession(false);
		String language = LocaleContextHolder.getLocale().toLanguageTag();
		if (session == null || language.equals(session.getAttribute(STORED))) {
			return true;
		}
		this.applicants.speaks(applicant.applicantId(), language);
		session.setAttribute(STORED, language);
		return true;
	}

}
