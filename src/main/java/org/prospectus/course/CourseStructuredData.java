package org.prospectus.course;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.prospectus.institution.Institution;
import org.prospectus.web.JsonLd;
import org.prospectus.web.PublicUrls;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * schema.org description of the public course page ({@code Course}), made of the same
 * facts the page shows. The programme page's description builds on the parts offered
 * here: the provider, credits, pace and references to courses.
 */
@Component
@NamedInterface("api")
public class CourseStructuredData {

	private final PublicUrls urls;

	CourseStructuredData(PublicUrls urls) {
		this.urls = urls;
	}

	/** A published course with its current and upcoming offerings, as JSON. */
	String course(CoursePage page) {
		Course course = page.course();
		Map<String, Object> node = JsonLd.node("Course");
		String url = this.urls.of("/courses/{code}", course.getCode());
		node.put("@id", url);
		node.put("url", url);
		node.put("courseCode", course.getCode());
		// The texts in the page's language where translated (issue 29), and the language
		// they are in; each offering names the language it is taught in.
		Locale language = LocaleContextHolder.getLocale();
		node.put("name", course.textIn(language, "title"));
		node.put("inLanguage", (course.translation(language.toLanguageTag(), "title") != null)
				? language.toLanguageTag() : course.mainLanguage());
		JsonLd.putIfPresent(node, "description", course.textIn(language, "summary"));
		node.put("provider", provider(course.getInstitution()));
		node.put("numberOfCredits", credits(course.getCredits(), course.getCreditSystem()));
		// Google's course guide asks for an offer. A course is taken within a programme,
		// whose page and data give the tuition; no price is kept per course.
		Map<String, Object> offer = JsonLd.node("Offer");
		offer.put("category", "Paid");
		offer.put("url", url);
		node.put("offers", List.of(offer));
		String workload = workload(course.getCredits(), course.getCreditSystem());
		List<Map<String, Object>> instances = new ArrayList<>();
		for (CourseOffering offering : page.offerings()) {
			Map<String, Object> instance = JsonLd.node("CourseInstance");
			instance.put("courseMode", List.of(pace(offering.getPacePercent()), mode(offering.getFormOfStudy())));
			instance.put("startDate", offering.getStartDate().toString());
			instance.put("endDate", offering.getEndDate().toString());
			JsonLd.putIfPresent(instance, "inLanguage", offering.getLanguage());
			JsonLd.putIfPresent(instance, "location", offering.getLocation());
			instance.put("courseWorkload", workload);
			instances.add(instance);
		}
		JsonLd.putIfPresent(node, "hasCourseInstance", instances);
		return JsonLd.toScriptSafeJson(node);
	}

	/** A short reference to a course, as a programme's {@code hasCourse} lists it. */
	public Map<String, Object> courseReference(Course course) {
		Map<String, Object> reference = JsonLd.node("Course");
		reference.put("courseCode", course.getCode());
		reference.put("name", course.textIn(LocaleContextHolder.getLocale(), "title"));
		reference.put("url", this.urls.of("/courses/{code}", course.getCode()));
		return reference;
	}

	/**
	 * The institution as a schema.org {@code CollegeOrUniversity} with its address, named
	 * in the page's language where translated.
	 */
	public static Map<String, Object> provider(Institution institution) {
		Map<String, Object> provider = JsonLd.node("CollegeOrUniversity");
		provider.put("name", institution.textIn(LocaleContextHolder.getLocale(), "name"));
		JsonLd.putIfPresent(provider, "url", institution.getWebsite());
		Map<String, Object> address = JsonLd.node("PostalAddress");
		JsonLd.putIfPresent(address, "addressLocality", institution.getCity());
		address.put("addressCountry", institution.getCountryCode());
		provider.put("address", address);
		return provider;
	}

	/**
	 * The hours of study the credits stand for, as an ISO 8601 duration: a year of 60
	 * ECTS credits is about 1,600 hours (the ECTS guide says 1,500 to 1,800), a UK credit
	 * is 10 notional hours, and a US semester credit hour about 45 hours in and out of
	 * class.
	 */
	static String workload(BigDecimal credits, CreditSystem system) {
		int minutesPerCredit = switch (system) {
			// 1,600 hours over 60 credits: 1,600 minutes a credit.
			case ECTS -> 1600;
			case UK_CREDITS -> 10 * 60;
			case US_CREDITS -> 45 * 60;
		};
		return Duration.ofMinutes(credits.multiply(BigDecimal.valueOf(minutesPerCredit)).longValue()).toString();
	}

	/** Credits in the named credit system, as a schema.org {@code QuantitativeValue}. */
	public static Map<String, Object> credits(BigDecimal credits, CreditSystem system) {
		Map<String, Object> value = JsonLd.node("QuantitativeValue");
		value.put("value", credits.stripTrailingZeros().scale() <= 0 ? credits.setScale(0) : credits);
		value.put("unitText", switch (system) {
			case ECTS -> "ECTS";
			case UK_CREDITS -> "UK credits";
			case US_CREDITS -> "US credit hours";
		});
		return value;
	}

	/** schema.org's words for the pace, as its examples use them. */
	public static String pace(int percent) {
		return (percent >= 100) ? "full-time" : "part-time";
	}

	private static String mode(FormOfStudy form) {
		return switch (form) {
			case DISTANCE -> "online";
			case MIXED -> "blended";
			case DAYTIME, EVENING -> "onsite";
		};
	}

}
