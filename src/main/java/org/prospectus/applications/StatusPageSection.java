package org.prospectus.applications;

import java.time.Instant;
import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * A part of the applicant's status page that another module fills in: the module that
 * decides on applications adds the offers and the place on a reserve list. This module
 * shows them without depending on that one.
 */
@NamedInterface("api")
public interface StatusPageSection {

	/**
	 * The model attributes this section adds to the status page of an application that
	 * the signed-in applicant owns.
	 * @param now the instant the page is made at
	 */
	Map<String, Object> attributes(Application application, Instant now);

}
