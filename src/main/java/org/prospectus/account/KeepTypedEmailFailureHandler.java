package org.prospectus.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * After a failed sign-in, shows the sign-in page again with the e-mail address as typed
 * (never the password), and the one generic message whatever the reason; only a sign-in
 * whose password could not be checked in time is asked to try again instead.
 */
@NamedInterface("api")
public class KeepTypedEmailFailureHandler implements AuthenticationFailureHandler {

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	private final String loginPath;

	KeepTypedEmailFailureHandler() {
		this("/login");
	}

	/**
	 * @param loginPath the sign-in page, which is shown again with {@code ?error}
	 */
	public KeepTypedEmailFailureHandler(String loginPath) {
		this.loginPath = loginPath;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String typed = request.getParameter("username");
		if (typed != null) {
			FlashMap flash = new FlashMap();
			flash.put("username", (typed.length() > 254) ? typed.substring(0, 254) : typed);
			flash.setTargetRequestPath(request.getContextPath() + this.loginPath);
			this.flashMaps.saveOutputFlashMap(flash, request, response);
		}
		String outcome = (exception instanceof SignInBusyException) ? "?busy" : "?error";
		response.sendRedirect(request.getContextPath() + this.loginPath + outcome);
	}

}
