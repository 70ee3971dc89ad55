package org.prospectus.decisions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationService;
import org.prospectus.applicant.ApplicantPrincipal;
import org.prospectus.decisions.Offers.Offer;
import org.prospectus.decisions.Offers.Reply;
import org.prospectus.mail.MailOutbox;
import org.prospectus.web.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's side of a decision: the reply to an offer, through a page that says
 * what accepting or declining does, and the decision letter as PDF. Another person's
 * offer or letter, or one not yet released, answers 404.
 */
@Controller
class OfferController {

	private final ApplicationService applications;

	private final Offers offers;

	private final Clock clock;

	private final DecisionLetters letters;

	OfferController(ApplicationService applications, Offers offers, DecisionLetters letters, Clock clock) {
		this.letters = letters;
		this.applications = applications;
		this.offers = offers;
		this.clock = clock;
	}

	@GetMapping("/applications/{id}/offers/{offer}/{reply}")
	String confirm(@PathVariable String id, @PathVariable long offer, @PathVariable String reply,
			@AuthenticationPrincipal ApplicantPrincipal me, Model model) {
		Application application = owned(id, me);
		reply(reply);
		Offer shown = this.offers.shown(application, offer).orElseThrow(() -> NotFoundException.forMissing("offer"));
		boolean accept = "accept".equals(reply);
		if (accept ? !shown.canAccept(this.clock.instant()) : !shown.canDecline(this.clock.instant())) {
			return "redirect:/applications/" + application.getId();
		}
		List<Offer> others = this.offers.of(application.getId())
			.stream()
			.filter((other) -> other.id() != offer && other.state() == OfferState.OPEN)
			.toList();
		model.addAttribute("app", application);
		model.addAttribute("round", application.getRound());
		model.addAttribute("offer", shown);
		model.addAttribute("others", others);
		model.addAttribute("accept", accept);
		return "applications/offer-reply";
	}

	@PostMapping("/applications/{id}/offers/{offer}/{reply}")
	String reply(@PathVariable String id, @PathVariable long offer, @PathVariable String reply,
			@AuthenticationPrincipal ApplicantPrincipal me, RedirectAttributes redirect) {
		Application application = owned(id, me);
		reply(reply);
		Reply outcome = "accept".equals(reply) ? this.offers.accept(application.getId(), me.applicantId(), offer)
				: this.offers.decline(application.getId(), me.applicantId(), offer);
		if (outcome == Reply.NOT_FOUND) {
			throw NotFoundException.forMissing("offer");
		}
		redirect.addFlashAttribute("replyOutcome",
				(outcome == Reply.DONE) ? reply.toUpperCase(Locale.ROOT) : outcome.name());
		return "redirect:/applications/" + application.getId() + "#offers";
	}

	@GetMapping("/applications/{id}/letter.pdf")
	ResponseEntity<byte[]> letter(@PathVariable String id, @AuthenticationPrincipal ApplicantPrincipal me) {
		Application application = owned(id, me);
		MailOutbox.Attachment letter = this.letters.forApplicant(application.getId(), me.applicantId())
			.orElseThrow(() -> NotFoundException.forMissing("decision letter"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(letter.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(letter.content());
	}

	/** Accept or decline: any other word names no page. */
	private static void reply(String reply) {
		if (!"accept".equals(reply) && !"decline".equals(reply)) {
			throw NotFoundException.forMissing("reply");
		}
	}

	private Application owned(String id, ApplicantPrincipal me) {
		return this.applications.owned(id, me.applicantId());
	}

}
