package org.prospectus.demo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.prospectus.demo.DemoCatalogue.DemoCounts;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Fills the database with the demo catalogue when the application runs with the
 * {@code demo} profile. A runner rather than a migration, so that demo data can never
 * reach a real database, and so that its clock-bound rounds are moved on every start. The
 * staff logins come after the catalogue, whose institutions they belong to, and before
 * the applications.
 */
@Component
@Profile("demo")
public class DemoDataRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoDataRunner.class);

	private final DemoCatalogue demoCatalogue;

	private final DemoStaff demoStaff;

	private final DemoApplications demoApplications;

	private final DemoReading demoReading;

	DemoDataRunner(DemoCatalogue demoCatalogue, DemoStaff demoStaff, DemoApplications demoApplications,
			DemoReading demoReading) {
		this.demoReading = demoReading;
		this.demoCatalogue = demoCatalogue;
		this.demoStaff = demoStaff;
		this.demoApplications = demoApplications;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.demoCatalogue.load();
		this.demoStaff.load();
		long applications = this.demoApplications.load();
		this.demoReading.load();
		DemoCounts counts = this.demoCatalogue.counts();
		logger.info("Demo catalogue ready: " + counts.institutions() + " institutions, " + counts.programmes()
				+ " programmes (" + counts.publishedProgrammes() + " published), " + counts.courses() + " courses, "
				+ counts.rounds() + " application rounds (" + counts.openRounds() + " open now), " + applications
				+ " applications");
	}

}
