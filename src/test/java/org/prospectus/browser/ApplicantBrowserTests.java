package org.prospectus.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A person registers, meets the password rules beside the field, confirms the address
 * with the e-mailed link, signs in, applies from the programme page step by step, uploads
 * documents (one refused by its content), checks the answers and submits; axe checks
 * every page on the way.
 */
class ApplicantBrowserTests extends BrowserTestBase {

	static final String PASSWORD = "quartz meadow lantern 2027";

	static final Pattern VERIFY = Pattern.compile("https?://[^/\\s]+(/account/verify\\?token=[\\w-]+)");

	static Locator field(Page page, String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	static void continueStep(Page page) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
	}

	static void upload(Page page, String label, String name, String type, byte[] content) {
		field(page, label).setInputFiles(new FilePayload(name, type, content));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload: " + label).setExact(true)).click();
	}

	static byte[] pdf(String text) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (var content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 700);
				content.showText(text);
				content.endText();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aPersonRegistersConfirmsTheAddressSignsInAndApplies() {
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		page.navigate("/account/sign-in");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("No account yet? Create one")).click();

		field(page, "Full name").fill("Grace Hopper");
		field(page, "E-mail address").fill("grace@example.org");
		field(page, "Password").fill("password123");
		field(page, "Type the new password again").fill("password123");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the account")).click();
		assertThat(page.locator("#password-error")).hasText("Use at least 12 characters.");
		assertThat(field(page, "Full name")).hasValue("Grace Hopper");
		assertAccessible(page, "registration with an error");

		field(page, "Password").fill(PASSWORD);
		field(page, "Type the new password again").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the account")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your e-mail")))
			.isVisible();

		String body = this.jdbc.sql("select text_body from mail_outbox where recipient = 'grace@example.org'")
			.query(String.class)
			.single();
		Matcher link = VERIFY.matcher(body);
		Assertions.assertThat(link.find()).as("verification link in " + body).isTrue();
		page.navigate(link.group(1));
		assertAccessible(page, "confirm the address");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my address")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Your address is confirmed");

		field(page, "E-mail address").fill("grace@example.org");
		field(page, "Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Grace Hopper")))
			.isVisible();
		this.browser.screenshot(page, "applicant-account");
		assertAccessible(page, "applicant account");

		// Apply from the programme page, step by step.
		this.jdbc.sql("update institution set fee_exempt_countries = '{SE}'").update();
		this.jdbc.sql("update application_round set references_required = 1").update();
		page.navigate("/programmes/" + BrowserCatalogue.PROGRAMME);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Apply now")).click();
		assertThat(page.getByRole(AriaRole.MAIN))
			.containsText(BrowserCatalogue.PROGRAMME_TITLE + " will be your first choice");
		assertAccessible(page, "start an application");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the application")).click();

		// The name given at registration is there already; the applicant checks it.
		assertThat(field(page, "Given names")).hasValue("Grace");
		assertThat(field(page, "Family name")).hasValue("Hopper");
		field(page, "Date of birth").fill("1990-12-09");
		assertAccessible(page, "personal details");
		continueStep(page);
		field(page, "Address").fill("Valhallavägen 79");
		field(page, "Town or city").fill("Stockholm");
		field(page, "Country").selectOption("SE");
		field(page, "Telephone number").fill("+46 8 790 60 00");
		continueStep(page);
		field(page, "Citizenship").selectOption("SE");
		assertAccessible(page, "citizenship");
		continueStep(page);
		field(page, "School, college or university").fill("Uppsala University");
		field(page, "Country").selectOption("SE");
		field(page, "Qualification, such as Bachelor of Science").fill("Bachelor of Science");
		field(page, "Main subject").fill("Mathematics");
		field(page, "Grade or average").fill("A");
		field(page, "From").fill("2019-09");
		field(page, "Until (empty if you are still studying)").fill("2013-13");
		continueStep(page);
		assertThat(page.locator("[id='entries[0].until-error']"))
			.hasText("Enter the month you finished as year and month, such as 2022-06.");
		Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Education 1"));
		assertThat(first.getByLabel("School, college or university")).hasValue("Uppsala University");
		assertAccessible(page, "education with an error");
		first.getByLabel("Until (empty if you are still studying)").fill("2022-06");
		continueStep(page);
		page.getByLabel("I studied in English before").check();
		assertAccessible(page, "language");
		continueStep(page);
		// The programme whose page the application started from is the first choice.
		assertThat(field(page, "Choice 1").locator("option:checked")).hasText(BrowserCatalogue.PROGRAMME_TITLE);
		assertAccessible(page, "programme choices");
		continueStep(page);
		assertThat(page.locator("#text-count")).hasText("You have 1,000 words left.");
		field(page, "Statement of purpose").fill("I want to build learning systems that last.");
		// The counter follows the typing, from the portal's own script file.
		assertThat(page.locator("#text-count")).hasText("You have 992 words left.");
		assertAccessible(page, "statement with its word counter");
		continueStep(page);

		// Documents: the limits come first; a transcript made here as a real PDF.
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Step 8 of 8: Documents")))
			.isVisible();
		assertThat(page.locator("#limits")).containsText("PDF, JPEG or PNG of at most 10 MB");
		assertAccessible(page, "documents");
		upload(page, "Transcript of records", "transcript.pdf", "application/pdf", pdf("Transcript of records"));
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Uploaded: Transcript of records");
		upload(page, "Degree certificate", "degree.pdf", "application/pdf", pdf("Degree certificate"));
		upload(page, "Passport or national identity card", "passport.html", "text/html",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		assertThat(page.locator("[id='file-PASSPORT-error']")).containsText("The file is not a PDF, JPEG or PNG");
		this.browser.screenshot(page, "documents-refused");
		assertAccessible(page, "documents with a refused upload");
		upload(page, "Passport or national identity card", "passport.pdf", "application/pdf", pdf("Passport"));
		assertThat(page.locator("#documents tbody tr")).hasCount(3);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue to check your answers")).click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your answers")))
			.isVisible();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("You pay no application fee");
		this.browser.screenshot(page, "check-your-answers");
		assertAccessible(page, "check your answers");
		// Without the declaration nothing is submitted, and the page says why beside it.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the application")).click();
		assertThat(page.locator("#declaration-error")).containsText("Confirm the declaration");
		assertAccessible(page, "submit without the declaration");
		page.getByLabel(Pattern.compile("^I declare")).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the application")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Your application is submitted");
		assertAccessible(page, "application status");

		// The round asks for a reference: the applicant names a referee after submitting,
		// who is asked at once and answers through the e-mailed link, with no account.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Name or change your referees")).click();
		field(page, "Full name").fill("Anna Berg");
		field(page, "E-mail address").fill("anna.berg@");
		field(page, "How they know you").selectOption("ACADEMIC");
		field(page, "How long they have known you").fill("Three years");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save referees")).click();
		assertThat(page.locator("[id='referees[0].email-error']")).containsText("Enter an e-mail address");
		assertThat(field(page, "Full name")).hasValue("Anna Berg");
		assertAccessible(page, "referees with an error");
		field(page, "E-mail address").fill("anna.berg@uni.example");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save referees")).click();
		assertThat(page.locator(".referee-state")).containsText("Requested");
		String request = this.jdbc.sql("select text_body from mail_outbox where recipient = 'anna.berg@uni.example'")
			.query(String.class)
			.single();
		Matcher referee = Pattern.compile("https?://[^/\\s]+(/references/[\\w-]+)").matcher(request);
		Assertions.assertThat(referee.find()).as("reference link in " + request).isTrue();
		// The referee has no session of the applicant's: a browser of their own.
		BrowserContext referees = this.browser.newContext("http://localhost:" + this.port);
		Page answer = referees.newPage();
		answer.navigate(referee.group(1));
		assertThat(
				answer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("A reference for Grace Hopper")))
			.isVisible();
		assertAccessible(answer, "a referee's page");
		answer.getByLabel("Your reference").fill("Grace wrote the first compiler I ever used.");
		answer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give the reference")).click();
		assertThat(answer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you"))).isVisible();
		assertAccessible(answer, "a reference given");
		referees.close();

		// Their data: the download page, and closing, refused with a wrong password.
		page.navigate("/account");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download my data")).click();
		assertAccessible(page, "download my data");
		page.navigate("/account/close");
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Your submitted applications are not withdrawn");
		page.getByLabel("Your password").fill("not the password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close my account")).click();
		assertThat(page.locator("#password-error")).containsText("That is not the password");
		assertAccessible(page, "close the account with a wrong password");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("You are signed out.");
		Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

}
