package org.prospectus.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundView;
import org.prospectus.web.JsonLd;
import org.prospectus.web.PublicUrls;

import org.springframework.stereotype.Component;

/**
 * schema.org descriptions of the public programme and course pages
 * ({@code EducationalOccupationalProgram}, {@code Course}), made of the same facts the
 * pages show, so that search engines and other readers need not scrape them. Deadlines
 * are written with the institution's offset, which keeps the instant and the local time.
 */
@Component
class StructuredData {

	private final PublicUrls urls;

	StructuredData(PublicUrls urls) {
		this.urls = urls;
	}

	/**
	 * A published programme with its current round (or {@code null}), as JSON ready for
	 * the page's script block.
	 */
	String programme(ProgrammePage page, RoundView round) {
		Programme programme = page.programme();
		Map<String, Object> node = JsonLd.node("EducationalOccupationalProgram");
		String url = this.urls.of("/programmes/{slug}", programme.getSlug());
		node.put("@id", url);
		node.put("url", url);
		node.put("name", programme.getTitle());
		node.put("identifier", programme.getCode());
		JsonLd.putIfPresent(node, "description", programme.getSummary());
		node.put("provider", provider(programme.getInstitution()));
		JsonLd.putIfPresent(node, "educationalCredentialAwarded", programme.getAward());
		node.put("numberOfCredits", credits(programme.getCredits(), programme.getCreditSystem()));
		if (programme.getDurationMonths() > 0) {
			node.put("timeToComplete", Period.ofMonths(programme.getDurationMonths()).toString());
		}
		node.put("educationalProgramMode", List.of(pace(programme.getPacePercent()), mode(programme.getMode())));
		JsonLd.putIfPresent(node, "inLanguage", programme.getLanguage());
		if (round != null) {
			ApplicationRound current = round.round();
			ZoneId zone = current.getZone();
			node.put("applicationStartDate", current.getOpensAt().atZone(zone).toOffsetDateTime().toString());
			node.put("applicationDeadline", current.getDeadlineAt().atZone(zone).toOffsetDateTime().toString());
			LocalDate start = LocalDate.ofInstant(current.getStudiesStartAt(), zone);
			node.put("startDate", current.getSchedule().studiesStartMonthOnly() ? YearMonth.from(start).toString()
					: start.toString());
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
					courses.computeIfAbsent(course.getCode(), (code) -> courseReference(course));
				}
			}
		}
		JsonLd.putIfPresent(node, "hasCourse", List.copyOf(courses.values()));
		return JsonLd.toScriptSafeJson(node);
	}

	/** A published course with its current and upcoming offerings, as JSON. */
	String course(CoursePage page) {
		Course course = page.course();
		Map<String, Object> node = JsonLd.node("Course");
		String url = this.urls.of("/courses/{code}", course.getCode());
		node.put("@id", url);
		node.put("url", url);
		node.put("courseCode", course.getCode());
		node.put("name", course.getTitle());
		JsonLd.putIfPresent(node, "description", course.getSummary());
		node.put("provider", provider(course.getInstitution()));
		node.put("numberOfCredits", credits(course.getCredits(), course.getCreditSystem()));
		List<Map<String, Object>> instances = new ArrayList<>();
		for (CourseOffering offering : page.offerings()) {
			Map<String, Object> instance = JsonLd.node("CourseInstance");
			instance.put("courseMode", List.of(pace(offering.getPacePercent()), mode(offering.getFormOfStudy())));
			instance.put("startDate", offering.getStartDate().toString());
			instance.put("endDate", offering.getEndDate().toString());
			JsonLd.putIfPresent(instance, "inLanguage", offering.getLanguage());
			JsonLd.putIfPresent(instance, "location", offering.getLocation());
			instances.add(instance);
		}
		JsonLd.putIfPresent(node, "hasCourseInstance", instances);
		return JsonLd.toScriptSafeJson(node);
	}

	private Map<String, Object> courseReference(Course course) {
		Map<String, Object> reference = JsonLd.node("Course");
		reference.put("courseCode", course.getCode());
		reference.put("name", course.getTitle());
		reference.put("url", this.urls.of("/courses/{code}", course.getCode()));
		return reference;
	}

	private static Map<String, Object> provider(Institution institution) {
		Map<String, Object> provider = JsonLd.node("CollegeOrUniversity");
		provider.put("name", institution.getName());
		JsonLd.putIfPresent(provider, "url", institution.getWebsite());
		Map<String, Object> address = JsonLd.node("PostalAddress");
		JsonLd.putIfPresent(address, "addressLocality", institution.getCity());
		address.put("addressCountry", institution.getCountryCode());
		provider.put("address", address);
		return provider;
	}

	private static Map<String, Object> credits(BigDecimal credits, CreditSystem system) {
		Map<String, Object> value = JsonLd.node("StructuredValue");
		value.put("value", credits.stripTrailingZeros().scale() <= 0 ? credits.setScale(0) : credits);
		value.put("unitText", switch (system) {
			case ECTS -> "ECTS";
			case UK_CREDITS -> "UK credits";
			case US_CREDITS -> "US credit hours";
		});
		return value;
	}

	private static Map<String, Object> offer(String category, Money price) {
		Map<String, Object> offer = JsonLd.node("Offer");
		offer.put("category", category);
		offer.put("price", price.amount());
		offer.put("priceCurrency", price.currency());
		return offer;
	}

	/** schema.org's words for the pace, as its examples use them. */
	private static String pace(int percent) {
		return (percent >= 100) ? "full-time" : "part-time";
	}

	private static String mode(StudyMode mode) {
		return switch (mode) {
			case CAMPUS -> "onsite";
			case ONLINE -> "online";
			case HYBRID -> "blended";
		};
	}

	private static String mode(FormOfStudy form) {
		return switch (form) {
			case DISTANCE -> "online";
			case MIXED -> "blended";
			case DAYTIME, EVENING -> "onsite";
		};
	}

}
