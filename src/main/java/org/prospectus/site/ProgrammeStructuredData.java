package org.prospectus.site;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.prospectus.course.Course;
import org.prospectus.course.CourseStructuredData;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.ProgrammeRounds;
import org.prospectus.intake.RoundView;
import org.prospectus.programme.PlanEntry;
import org.prospectus.programme.PlanView;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammePage;
import org.prospectus.programme.StudyMode;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.support.Money;
import org.prospectus.web.JsonLd;
import org.prospectus.web.PublicUrls;
import org.prospectus.web.TextLanguage;

import org.springframework.stereotype.Component;

/**
 * schema.org description of the public programme page
 * ({@code EducationalOccupationalProgram}), made of the same facts the page shows, so
 * that search engines and other readers need not scrape them. Deadlines are written with
 * the institution's offset, which keeps the instant and the local time.
 */
@Component
class ProgrammeStructuredData {

	private final PublicUrls urls;

	private final CourseStructuredData courses;

	private final TextLanguage texts;

	ProgrammeStructuredData(PublicUrls urls, CourseStructuredData courses, TextLanguage texts) {
		this.urls = urls;
		this.courses = courses;
		this.texts = texts;
	}

	/**
	 * A published programme with its rounds, as JSON ready for the page's script block.
	 * The application dates are those of the first round, featured or also open, whose
	 * deadline has not passed; with none, there are none, since a deadline in the past
	 * advertises nothing anyone can apply to.
	 */
	String programme(ProgrammePage page, ProgrammeRounds rounds) {
		Programme programme = page.programme();
		RoundView round = advertised(rounds);
		Map<String, Object> node = JsonLd.node("EducationalOccupationalProgram");
		String url = this.urls.of("/programmes/{slug}", programme.getSlug());
		node.put("@id", url);
		node.put("url", url);
		// The texts of the page's language, where they are translated (issue 29).
		node.put("name", this.texts.text(programme, "title"));
		node.put("identifier", programme.getCode());
		JsonLd.putIfPresent(node, "description", this.texts.text(programme, "summary"));
		node.put("provider", CourseStructuredData.provider(programme.getInstitution()));
		JsonLd.putIfPresent(node, "educationalCredentialAwarded", programme.getAward());
		node.put("numberOfCredits", CourseStructuredData.credits(programme.getCredits(), programme.getCreditSystem()));
		if (programme.getDurationMonths() > 0) {
			node.put("timeToComplete", Period.ofMonths(programme.getDurationMonths()).toString());
		}
		node.put("educationalProgramMode",
				List.of(CourseStructuredData.pace(programme.getPacePercent()), mode(programme.getMode())));
		if (round != null) {
			ApplicationRound current = round.round();
			ZoneId zone = current.getZone();
			node.put("applicationStartDate", current.getOpensAt().atZone(zone).toOffsetDateTime().toString());
			node.put("applicationDeadline", current.getDeadlineAt().atZone(zone).toOffsetDateTime().toString());
			// A joint round another institution coordinates starts on its coordinator's
			// date, not necessarily this programme's.
			if (current.getInstitution().getId().equals(programme.getInstitution().getId())) {
				LocalDate start = LocalDate.ofInstant(current.getStudiesStartAt(), zone);
				node.put("startDate", current.getSchedule().studiesStartMonthOnly() ? YearMonth.from(start).toString()
						: start.toString());
			}
		}
		List<Map<String, Object>> offers = new ArrayList<>();
		if (programme.getTuition() != null) {
			Map<String, Object> tuition = offer("Tuition", programme.getTuition());
			if (programme.getTuitionPeriod() == TuitionPeriod.PER_YEAR) {
				Map<String, Object> perYear = JsonLd.node("UnitPriceSpecification");
				perYear.put("price", programme.getTuition().amount());
				perYear.put("priceCurrency", programme.getTuition().currency());
				Map<String, Object> year = JsonLd.node("QuantitativeValue");
				year.put("value", 1);
				// UN/CEFACT common code for a year.
				year.put("unitCode", "ANN");
				perYear.put("referenceQuantity", year);
				tuition.put("priceSpecification", perYear);
			}
			offers.add(tuition);
		}
		if (programme.getApplicationFee() != null) {
			offers.add(offer("Application fee", programme.getApplicationFee()));
		}
		JsonLd.putIfPresent(node, "offers", offers);
		Map<String, Map<String, Object>> courses = new LinkedHashMap<>();
		for (PlanView.Year year : page.plan().years()) {
			for (PlanView.TermGroup term : year.terms()) {
				for (PlanEntry entry : term.entries()) {
					Course course = entry.getCourse();
					courses.computeIfAbsent(course.getCode(), (code) -> this.courses.courseReference(course));
				}
			}
		}
		JsonLd.putIfPresent(node, "hasCourse", List.copyOf(courses.values()));
		return JsonLd.toScriptSafeJson(node);
	}

	private static @Nullable RoundView advertised(ProgrammeRounds rounds) {
		List<RoundView> candidates = new ArrayList<>();
		if (rounds.current() != null) {
			candidates.add(rounds.current());
		}
		candidates.addAll(rounds.alsoOpen());
		for (RoundView candidate : candidates) {
			if (candidate.round().getDeadlineAt().isAfter(candidate.now())) {
				return candidate;
			}
		}
		return null;
	}

	private static Map<String, Object> offer(String category, Money price) {
		Map<String, Object> offer = JsonLd.node("Offer");
		offer.put("category", category);
		offer.put("price", price.amount());
		offer.put("priceCurrency", price.currency());
		return offer;
	}

	private static String mode(StudyMode mode) {
		return switch (mode) {
			case CAMPUS -> "onsite";
			case ONLINE -> "online";
			case HYBRID -> "blended";
		};
	}

}
