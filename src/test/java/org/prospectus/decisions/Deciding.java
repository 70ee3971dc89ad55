package org.prospectus.decisions;

import java.util.stream.Stream;

import org.jsoup.nodes.Document;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An admissions officer's forms on the application detail page, filled as a browser
 * would: the version comes from the page shown.
 */
public final class Deciding {

	private final MockMvcTester mvc;

	private final MockHttpSession officer;

	public Deciding(MockMvcTester mvc, MockHttpSession officer) {
		this.mvc = mvc;
		this.officer = officer;
	}

	public Document detail(String id) {
		MvcTestResult result = this.mvc.get().uri("/admin/applications/{id}", id).session(this.officer).exchange();
		assertThat(result).hasStatusOk();
		return page(result);
	}

	public MvcTestResult post(MockHttpSession who, String path, String... pairs) {
		var request = this.mvc.post().uri(path).session(who).with(csrf());
		for (int i = 0; i < pairs.length; i += 2) {
			request = request.param(pairs[i], pairs[i + 1]);
		}
		return request.exchange();
	}

	public MvcTestResult post(String path, String... pairs) {
		return post(this.officer, path, pairs);
	}

	/** Moves the application with the status form, from the version its page shows. */
	public MvcTestResult move(String id, String status, String... more) {
		String version = detail(id).select("form[action$=/status] input[name=version]").val();
		String[] pairs = Stream.concat(Stream.of("status", status, "version", version), Stream.of(more))
			.toArray(String[]::new);
		return post("/admin/applications/" + id + "/status", pairs);
	}

	/** Checks and reviews the application, then decides as given. */
	public MvcTestResult decide(String id, String status, String... more) {
		move(id, "ELIGIBILITY_CHECKED");
		move(id, "UNDER_REVIEW");
		return move(id, status, more);
	}

}
