package org.prospectus.review;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A view of the queue as a CSV download: the same filters and order as the page, every
 * row, written to the response as it is read.
 */
@Controller
class AdminExportController {

	private final ApplicationExport export;

	private final Clock clock;

	AdminExportController(ApplicationExport export, Clock clock) {
		this.export = export;
		this.clock = clock;
	}

	@GetMapping("/admin/applications/export.csv")
	void export(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		QueueFilter filter = QueueFilter.from(params);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("applications-" + LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC) + ".csv")
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// A byte order mark, without which Excel reads the file in the computer's own
		// code
		// page and shows Åström as Ã…strÃ¶m; other readers of UTF-8 skip it.
		out.write('\uFEFF');
		this.export.write(filter, out);
		out.flush();
	}

}
