package org.prospectus.web;

import org.junit.jupiter.api.Test;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class SmokeTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void homePageRendersOnAnEmptyCatalogue() {
		assertThat(this.mvc.get().uri("/")).hasStatusOk().bodyText().contains("Find your programme");
	}

}
