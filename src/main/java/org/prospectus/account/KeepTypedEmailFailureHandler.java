package org.prospectus.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * After a failed sign-in, shows the sign-in page again with the e-mail address as typed
 * (never the password), and the one generic message whatever the reason.
 */
class KeepTypedEmailFailureHandler implements AuthenticationFailureHandler {

	static final String FAILURE_URL = "/login?error";

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String typed = request.getParameter("username");
		if (typed != null) {
			FlashMap flash = new FlashMap();
			flash.put("username", (typed.length() > 254) ? typed.substring(0, 254) : typed);
			flash.setTargetRequestPath(request.getContextPath() + "/login");
			this.flashMaps.saveOutputFlashMap(flash, request, response);
		}
		response.sendRedirect(request.getContextPath() + FAILURE_URL);
	}

}
