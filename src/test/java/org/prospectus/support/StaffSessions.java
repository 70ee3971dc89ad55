package org.prospectus.support;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffMemberships;
import org.prospectus.account.StaffRole;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Staff accounts for tests and signing them in through the real sign-in form, so that a
 * test's session went through the same filters, throttling and audit as a person's.
 */
public class StaffSessions {

	/** Meets the password policy; used for every test account. */
	public static final String PASSWORD = "lantern marmalade orbit cello";

	private final StaffAccounts accounts;

	private final MockMvcTester mvc;

	private final StaffMemberships memberships;

	public StaffSessions(StaffAccounts accounts, MockMvcTester mvc, StaffMemberships memberships) {
		this.accounts = accounts;
		this.mvc = mvc;
		this.memberships = memberships;
	}

	/** An account that can sign in with {@link #PASSWORD}; returns its id. */
	public long create(String email, String name, StaffRole... roles) {
		var user = this.accounts.findOrCreate(email, name, EnumSet.of(roles[0], roles));
		this.accounts.replacePassword(user, PASSWORD);
		return user.getId();
	}

	/**
	 * An account that holds its role at one institution only, signing in with
	 * {@link #PASSWORD}; returns its id.
	 */
	public long createAt(String email, String name, long institutionId, StaffRole role) {
		var user = this.accounts.findOrCreate(email, name, Set.of());
		this.accounts.replacePassword(user, PASSWORD);
		this.memberships.grant(user.getId(), institutionId, role);
		return user.getId();
	}

	public MockHttpSession signIn(String email) {
		return signIn(email, PASSWORD);
	}

	public MockHttpSession signIn(String email, String password) {
		MvcTestResult result = this.mvc.post()
			.uri("/login")
			.param("username", email)
			.param("password", password)
			.with(csrf())
			.exchange();
		assertThat(result).as("sign-in of " + email).hasRedirectedUrl("/admin");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** A response's HTML, parsed. */
	public static Document page(MvcTestResult result) {
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	/**
	 * The fields of the forms a selector picks, as a browser would send them back
	 * unchanged: unchecked boxes left out, text areas' text, selects' chosen option. The
	 * CSRF token is left out; requests add their own.
	 */
	public static Map<String, String> formFields(Document page, String formSelector) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Element field : page.select(formSelector + " input[name], " + formSelector + " textarea[name], "
				+ formSelector + " select[name]")) {
			String name = field.attr("name");
			if (name.equals("_csrf") || (field.attr("type").equals("checkbox") && !field.hasAttr("checked"))) {
				continue;
			}
			String value = switch (field.tagName()) {
				case "textarea" -> field.wholeText();
				case "select" -> field.select("option[selected]").attr("value");
				default -> field.attr("value");
			};
			values.put(name, value);
		}
		return values;
	}

}
