package org.prospectus.site;

import java.io.PrintWriter;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link WholeResponses} at the servlet level: a page that was written and flushed, then
 * failed (the database gone as the session store saves), has sent nothing, so the
 * container can still send the error page in its place.
 */
class WholeResponsesTests {

	static final String PAGE = "<!DOCTYPE html><html><body>" + "<p>A line of a long page.</p>".repeat(4000)
			+ "</body></html>";

	@Test
	void aPageThatFailsAfterItWasWrittenAndFlushedHasSentNothing() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> new WholeResponses()
			.doFilter(new MockHttpServletRequest("GET", "/account"), response, (request, written) -> {
				PrintWriter writer = written.getWriter();
				writer.write(PAGE);
				written.flushBuffer();
				throw new DataAccessResourceFailureException("gone");
			}));
		assertThat(response.isCommitted()).isFalse();
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void aPageThatSucceedsIsSentWholeWithItsLength() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new WholeResponses().doFilter(new MockHttpServletRequest("GET", "/account"), response, (request, written) -> {
			written.setCharacterEncoding("UTF-8");
			written.getWriter().write(PAGE);
			written.flushBuffer();
			assertThat(written.isCommitted()).as("held until the work is done").isFalse();
		});
		assertThat(response.getContentAsString()).isEqualTo(PAGE);
		assertThat(response.getContentLength()).isEqualTo(PAGE.length());
	}

	@Test
	void aHeadKeepsTheLengthItsGetWouldHave() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new WholeResponses().doFilter(new MockHttpServletRequest("HEAD", "/account"), response,
				(request, written) -> written.setContentLength(PAGE.length()));
		assertThat(response.getContentLength()).isEqualTo(PAGE.length());
	}

	@Test
	void aBodyTooLargeToHoldIsStreamedWithTheLengthItsWriterGave() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		byte[] document = new byte[WholeResponses.HOLD_AT_MOST + 1];
		new WholeResponses().doFilter(new MockHttpServletRequest("GET", "/applications/x/documents/y"), response,
				(request, written) -> {
					written.setContentLength(document.length);
					written.getOutputStream().write(document);
				});
		assertThat(response.getContentLength()).isEqualTo(document.length);
		assertThat(response.getContentAsByteArray()).hasSize(document.length);
	}

}
