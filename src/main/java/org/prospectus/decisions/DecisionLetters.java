package org.prospectus.decisions;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.decisions.Offers.Offer;
import org.prospectus.institution.Institution;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.mail.MailOutbox;
import org.prospectus.programme.ProgrammeService;
import org.prospectus.web.PdfRenderer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision letter: a PDF of the decision as recorded now, on the institution's letter
 * (its address, signatory and closing words), in the portal's layout. An offer names its
 * programme, start, conditions and reply-by; a reserve place its position; a refusal its
 * reasons and what to do next. Everything in it is read from the application when it is
 * made, and the template chooses its wording by the recorded status only, so no letter
 * can say other than the decision. It is released from the round's notification date,
 * never before.
 */
@Service
public class DecisionLetters {

	private final PdfRenderer pdf;

	private final ApplicationFinder applications;

	private final Offers offers;

	private final Places places;

	private final ProgrammeService programmes;

	private final Clock clock;

	DecisionLetters(PdfRenderer pdf, ApplicationFinder applications, Offers offers, Places places,
			ProgrammeService programmes, Clock clock) {
		this.pdf = pdf;
		this.applications = applications;
		this.offers = offers;
		this.places = places;
		this.programmes = programmes;
		this.clock = clock;
	}

	/** The applicant's letter, once released; empty before the notification date. */
	@Transactional(readOnly = true)
	public Optional<MailOutbox.Attachment> forApplicant(UUID id, long applicantId) {
		return this.applications.owned(id, applicantId)
			.filter((application) -> application.isResultVisible(this.clock.instant()))
			.map(this::letter);
	}

	/** The letter of a decision being released, for the decision e-mail. */
	@Transactional(readOnly = true)
	MailOutbox.Attachment released(UUID id) {
		return letter(this.applications.fresh(id));
	}

	private MailOutbox.Attachment letter(Application application) {
		ApplicationRound round = application.getRound();
		Institution institution = round.getInstitution();
		ApplicationStatus status = application.getStatus();
		if (!status.isDecision()) {
			throw new IllegalStateException("No decision to write a letter of: " + application.getReference());
		}
		Instant released = (application.getDecidedAt() != null
				&& application.getDecidedAt().isAfter(round.getNotificationAt())) ? application.getDecidedAt()
						: round.getNotificationAt();
		Map<String, Object> letter = new HashMap<>();
		letter.put("app", application);
		letter.put("round", round);
		letter.put("institution", institution);
		letter.put("status", status.name());
		letter.put("released", released);
		Locale language = application.getApplicant().getLanguage();
		letter.put("programme", (application.getDecisionProgrammeId() != null)
				? this.programmes.title(application.getDecisionProgrammeId(), language).orElseThrow() : "");
		List<Offer> offers = this.offers.of(application.getId());
		letter.put("offer",
				(status == ApplicationStatus.ADMITTED) ? offers.stream()
					.filter((offer) -> offer.programmeId() == application.getDecisionProgrammeId())
					.reduce((first, second) -> second)
					.orElse(null) : null);
		letter.put("position",
				(status == ApplicationStatus.RESERVE) ? this.places.position(application.getId()).orElse(0) : 0);
		// In the applicant's language, whoever asks for it: staff and the applicant read
		// the same letter.
		byte[] content = this.pdf.render("letters/decision", Map.of("letter", letter), language);
		return new MailOutbox.Attachment("decision-" + application.getReference() + ".pdf", "application/pdf", content);
	}

}
