package org.prospectus.demo.bench;

import java.time.Clock;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalogue scale run
 * ({@code ./mvnw spring-boot:test-run -Dspring-boot.run.profiles=catalogue}, see
 * docs/benchmarks.md): once the demo catalogue is loaded, adds the generated one of
 * {@link CatalogueGenerator} if the database does not hold it yet.
 */
@Component
@Profile("catalogue")
class CatalogueDataRunner {

	private static final Log logger = LogFactory.getLog(CatalogueDataRunner.class);

	private final DataSource dataSource;

	private final Clock clock;

	private final int institutions;

	private final int programmes;

	private final int courses;

	CatalogueDataRunner(DataSource dataSource, Clock clock,
			@Value("${prospectus.catalogue.institutions:200}") int institutions,
			@Value("${prospectus.catalogue.programmes-each:50}") int programmes,
			@Value("${prospectus.catalogue.courses-each:100}") int courses) {
		this.dataSource = dataSource;
		this.clock = clock;
		this.institutions = institutions;
		this.programmes = programmes;
		this.courses = courses;
	}

	@EventListener(ApplicationReadyEvent.class)
	void generate() {
		CatalogueGenerator.Report report = new CatalogueGenerator(this.dataSource).generate(this.institutions,
				this.programmes, this.courses, this.clock.instant());
		if (report != null) {
			logger.info(String.format(Locale.ROOT,
					"Generated catalogue ready: %,d institutions, %,d programmes, %,d courses in %.1f s",
					report.institutions(), report.programmes(), report.courses(), report.took().toMillis() / 1e3));
		}
		else {
			logger.info("Generated catalogue ready");
		}
	}

}
