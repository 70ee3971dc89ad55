package org.prospectus.guide;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The guide as the public reads it. */
@Service
@Transactional(readOnly = true)
public class GuideService {

	private final GuideSectionRepository sections;

	GuideService(GuideSectionRepository sections) {
		this.sections = sections;
	}

	/** Every section with its entries, in order, in one query. */
	public List<GuideSection> sections() {
		return this.sections.findAllWithEntries();
	}

}
