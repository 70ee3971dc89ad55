package org.prospectus.applications;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

/** Where the applicant can be reached. */
public final class ContactForm implements StepForm {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,25}");

	private @Nullable String addressLine1;

	private @Nullable String addressLine2;

	private @Nullable String city;

	private @Nullable String postcode;

	private @Nullable String country;

	private @Nullable String phone;

	@Override
	public void check(FieldChecks check, StepContext context) {
		check.text("addressLine1", this.addressLine1, true, 200);
		check.text("addressLine2", this.addressLine2, false, 200);
		check.text("city", this.city, true, 100);
		check.text("postcode", this.postcode, false, 20);
		check.country("country", this.country, true);
		String phone = check.text("phone", this.phone, true, 30);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			check.errors().rejectValue("phone", "application.check.phone");
		}
	}

	@Override
	public void putInto(Answers answers) {
		answers.setContact(this);
	}

	public @Nullable String getAddressLine1() {
		return this.addressLine1;
	}

	public void setAddressLine1(@Nullable String addressLine1) {
		this.addressLine1 = addressLine1;
	}

	public @Nullable String getAddressLine2() {
		return this.addressLine2;
	}

	public void setAddressLine2(@Nullable String addressLine2) {
		this.addressLine2 = addressLine2;
	}

	public @Nullable String getCity() {
		return this.city;
	}

	public void setCity(@Nullable String city) {
		this.city = city;
	}

	public @Nullable String getPostcode() {
		return this.postcode;
	}

	public void setPostcode(@Nullable String postcode) {
		this.postcode = postcode;
	}

	public @Nullable String getCountry() {
		return this.country;
	}

	public void setCountry(@Nullable String country) {
		this.country = country;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

}
