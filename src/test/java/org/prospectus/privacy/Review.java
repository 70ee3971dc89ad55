package org.prospectus.privacy;

import org.jsoup.nodes.Document;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** An officer's part in these tests: moving an application on from its detail page. */
final class Review {

	private Review() {
	}

	/** Moves the application to {@code status}, with the version its page shows. */
	static void move(MockMvcTester mvc, MockHttpSession officer, String id, String status, String... more) {
		Document detail = page(mvc.get().uri("/admin/applications/{id}", id).session(officer).exchange());
		var request = mvc.post()
			.uri("/admin/applications/{id}/status", id)
			.param("status", status)
			.param("version", detail.select("form[action$=/status] input[name=version]").val())
			.session(officer)
			.with(csrf());
		for (int i = 0; i < more.length; i += 2) {
			request = request.param(more[i], more[i + 1]);
		}
		assertThat(request.exchange()).hasStatus3xxRedirection();
	}

}
