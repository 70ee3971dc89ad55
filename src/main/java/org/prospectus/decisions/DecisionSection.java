package org.prospectus.decisions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.StatusPageSection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant's status page shows of the decision, once the round lets them see
 * it: their offers, with what they may still do about each, and their place on a reserve
 * list.
 */
@Component
class DecisionSection implements StatusPageSection {

	private final Offers offers;

	private final Places places;

	DecisionSection(Offers offers, Places places) {
		this.offers = offers;
		this.places = places;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> attributes(Application application, Instant now) {
		boolean visible = application.isResultVisible(now);
		return Map.of("offers", visible ? this.offers.of(application.getId()) : List.of(), "reservePosition",
				(visible && application.getStatus() == ApplicationStatus.RESERVE)
						? this.places.position(application.getId()).orElse(0) : 0);
	}

}
