package org.prospectus.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.prospectus.institution.Institution;
import org.prospectus.web.JsonLd;
import org.prospectus.web.PublicUrls;

import org.springframework.stereotype.Component;

/**
 * schema.org description of the public course page ({@code Course}), made of the same
 * facts the page shows. The programme page's description builds on the parts offered
 * here: the provider, credits, pace and references to courses.
 */
@Component
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

	/** A short reference to a course, as a programme's {@code hasCourse} lists it. */
	public Map<String, Object> courseReference(Course course) {
		Map<String, Object> reference = JsonLd.node("Course");
		reference.put("courseCode", course.getCode());
		reference.put("name", course.getTitle());
		reference.put("url", this.urls.of("/courses/{code}", course.getCode()));
		return reference;
	}

	/** The institution as a schema.org {@code CollegeOrUniversity} with its address. */
	public static Map<String, Object> provider(Institution institution) {
		Map<String, Object> provider = JsonLd.node("CollegeOrUniversity");
		provider.put("name", institution.getName());
		JsonLd.putIfPresent(provider, "url", institution.getWebsite());
		Map<String, Object> address = JsonLd.node("PostalAddress");
		JsonLd.putIfPresent(address, "addressLocality", institution.getCity());
		address.put("addressCountry", institution.getCountryCode());
		provider.put("address", address);
		return provider;
	}

	/** Credits in the named credit system, as a schema.org {@code StructuredValue}. */
	public static Map<String, Object> credits(BigDecimal credits, CreditSystem system) {
		Map<String, Object> value = JsonLd.node("StructuredValue");
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
