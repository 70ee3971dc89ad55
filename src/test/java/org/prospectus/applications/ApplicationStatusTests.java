package org.prospectus.applications;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.applications.ApplicationStatus.ADMITTED;
import static org.prospectus.applications.ApplicationStatus.DOCUMENTS_MISSING;
import static org.prospectus.applications.ApplicationStatus.DRAFT;
import static org.prospectus.applications.ApplicationStatus.ELIGIBILITY_CHECKED;
import static org.prospectus.applications.ApplicationStatus.NOT_ADMITTED;
import static org.prospectus.applications.ApplicationStatus.RESERVE;
import static org.prospectus.applications.ApplicationStatus.SUBMITTED;
import static org.prospectus.applications.ApplicationStatus.UNDER_REVIEW;
import static org.prospectus.applications.ApplicationStatus.WITHDRAWN;

/**
 * The review's transition table, written out once more by hand: every pair of statuses is
 * either in this table or refused, so a transition added by mistake fails here.
 */
class ApplicationStatusTests {

	static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = Map.of(DRAFT, Set.of(), SUBMITTED,
			Set.of(DOCUMENTS_MISSING, ELIGIBILITY_CHECKED, NOT_ADMITTED), DOCUMENTS_MISSING,
			Set.of(ELIGIBILITY_CHECKED, NOT_ADMITTED), ELIGIBILITY_CHECKED,
			Set.of(DOCUMENTS_MISSING, UNDER_REVIEW, NOT_ADMITTED), UNDER_REVIEW,
			Set.of(DOCUMENTS_MISSING, ADMITTED, RESERVE, NOT_ADMITTED), RESERVE, Set.of(ADMITTED, NOT_ADMITTED),
			ADMITTED, Set.of(UNDER_REVIEW), NOT_ADMITTED, Set.of(UNDER_REVIEW), WITHDRAWN, Set.of());

	static Stream<Arguments> everyPair() {
		return EnumSet.allOf(ApplicationStatus.class)
			.stream()
			.flatMap((from) -> EnumSet.allOf(ApplicationStatus.class)
				.stream()
				.map((to) -> Arguments.of(from, to, ALLOWED.get(from).contains(to))));
	}

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@MethodSource("everyPair")
	void onlyTheTableTransitionsAreAllowed(ApplicationStatus from, ApplicationStatus to, boolean allowed) {
		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void aReasonIsNeededForARefusalARequestForDocumentsAndTakingADecisionBack(ApplicationStatus from,
			ApplicationStatus to, boolean allowed) {
		boolean expected = to == NOT_ADMITTED || to == DOCUMENTS_MISSING || from == ADMITTED || from == RESERVE
				|| from == NOT_ADMITTED;
		assertThat(to.needsReasonFrom(from)).isEqualTo(expected);
	}

	@Test
	void theAuditLogNamesStatusesInWords() {
		assertThat(UNDER_REVIEW.inWords()).isEqualTo("Under review");
		assertThat(NOT_ADMITTED.inWords()).isEqualTo("Not admitted");
		assertThat(RESERVE.inWords()).isEqualTo("Reserve");
	}

}
