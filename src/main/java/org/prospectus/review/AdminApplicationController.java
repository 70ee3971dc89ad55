package org.prospectus.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.decisions.ApplicationReview;
import org.prospectus.decisions.ApplicationReview.Detail;
import org.prospectus.decisions.ApplicationReview.Outcome;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.decisions.ConditionState;
import org.prospectus.support.Countries;
import org.prospectus.decisions.OfferReview;
import org.prospectus.applications.DocumentChecklist.Verdict;
import org.prospectus.applications.DocumentKind;
import org.prospectus.applications.ApplicationDocuments.DocumentTarget;
import org.prospectus.applications.Step;
import org.prospectus.review.ReviewForms.CheckForm;
import org.prospectus.review.ReviewForms.ConditionForm;
import org.prospectus.review.ReviewForms.WithdrawOfferForm;
import org.prospectus.review.ReviewForms.NoteForm;
import org.prospectus.review.ReviewForms.OfferForm;
import org.prospectus.review.ReviewForms.RequestForm;
import org.prospectus.review.ReviewForms.StatusForm;
import org.prospectus.web.ConflictView;
import org.prospectus.web.FormFields;
import org.prospectus.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.prospectus.decisions.Offers;
import org.prospectus.references.References;
import org.prospectus.reading.ApplicationReads;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One submitted application as admissions officers work on it: the answers as submitted,
 * the documents with their checklist, the status with the moves allowed from it, notes
 * and the history. Every form checks what it was given and comes back with the reason
 * beside the field; the status forms carry the version shown, so an officer who decides
 * on an out-of-date page gets the 409 page instead of overwriting a colleague.
 */
@Controller
class AdminApplicationController {

	static final int REASON_LENGTH = 1000;

	static final int NOTE_LENGTH = 4000;

	/** The longest a typed condition may be, as the offer stores it. */
	static final int CONDITION_LENGTH = 500;

	/** The most conditions one offer has. */
	static final int MAX_CONDITIONS = 10;

	private final ApplicationReview review;

	private final OfferReview offerReview;

	private final References references;

	private final Clock clock;

	private final ApplicationReads reads;

	AdminApplicationController(ApplicationReview review, OfferReview offerReview, References references, Clock clock,
			ApplicationReads reads) {
		this.reads = reads;
		this.review = review;
		this.offerReview = offerReview;
		this.references = references;
		this.clock = clock;
	}

	@InitBinder("statusForm")
	void statusFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(StatusForm.class));
	}

	@InitBinder("requestForm")
	void requestFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(RequestForm.class));
	}

	@InitBinder("checkForm")
	void checkFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(CheckForm.class));
	}

	@InitBinder("offerForm")
	void offerFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(OfferForm.class));
	}

	@InitBinder("conditionForm")
	void conditionFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(ConditionForm.class));
	}

	@InitBinder("withdrawOfferForm")
	void withdrawOfferFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(WithdrawOfferForm.class));
	}

	@InitBinder("noteForm")
	void noteFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(NoteForm.class));
	}

	@GetMapping("/admin/applications/{id}")
	String detail(@PathVariable String id, Model model) {
		return show(detailOf(id), model);
	}

	@PostMapping("/admin/applications/{id}/status")
	String changeStatus(@PathVariable String id, @ModelAttribute("statusForm") StatusForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Detail detail = detailOf(id);
		ApplicationStatus target = parse(ApplicationStatus.class, form.status());
		ApplicationStatus from = detail.app().getStatus();
		if (target == null || target == ApplicationStatus.DOCUMENTS_MISSING || !from.canMoveTo(target)) {
			errors.rejectValue("status", "review.status.choose");
		}
		Long programme = parseLong(form.programme());
		if (target != null && target.needsProgramme()
				&& (programme == null || !detail.choices().containsKey(programme))) {
			errors.rejectValue("programme", "review.status.programme.choose");
		}
		String refusal = null;
		if (target == ApplicationStatus.NOT_ADMITTED && form.refusal() != null && !form.refusal().isBlank()) {
			refusal = form.refusal().strip();
			if (!detail.refusalOptions().contains(refusal)) {
				errors.rejectValue("refusal", "review.status.refusal.unknown");
				refusal = null;
			}
		}
		// A standard reason is reason enough for a refusal; words of the officer's own
		// may
		// be added to it.
		boolean reasonNeeded = target != null && target.needsReasonFrom(from)
				&& !(target == ApplicationStatus.NOT_ADMITTED && refusal != null);
		checkText(form.reason(), reasonNeeded, REASON_LENGTH, "reason", "review.status.reason", errors);
		List<String> conditions = (target == ApplicationStatus.ADMITTED)
				? conditions(form.conditions(), form.otherConditions(), detail, errors) : List.of();
		if (form.version() != detail.app().getVersion()) {
			return conflict(detail, form.status(), form.reason(), response, model);
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(detail, model);
		}
		Outcome outcome = this.review.changeStatus(detail.app().getId(), form.version(), target,
				target.needsProgramme() ? programme : null, form.reason(), conditions, refusal);
		return finish(outcome, detail, form.status(), form.reason(), "review.status.done", "status", errors, model,
				response, redirect);
	}

	@PostMapping("/admin/applications/{id}/request-documents")
	String requestDocuments(@PathVariable String id, @ModelAttribute("requestForm") RequestForm form,
			BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Detail detail = detailOf(id);
		LocalDate by = null;
		if (form.by() == null || form.by().isBlank()) {
			errors.rejectValue("by", "review.request.by.required");
		}
		else {
			try {
				by = LocalDate.parse(form.by().strip());
			}
			catch (DateTimeParseException ex) {
				errors.rejectValue("by", "review.request.by.invalid");
			}
		}
		checkText(form.message(), true, REASON_LENGTH, "message", "review.request.message", errors);
		if (form.version() != detail.app().getVersion()) {
			return conflict(detail, ApplicationStatus.DOCUMENTS_MISSING.name(), form.message(), response, model);
		}
		if (!detail.app().getStatus().canMoveTo(ApplicationStatus.DOCUMENTS_MISSING)) {
			errors.reject("review.request.not-allowed");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(detail, model);
		}
		Outcome outcome = this.review.requestDocuments(detail.app().getId(), form.version(), by, form.message());
		return finish(outcome, detail, ApplicationStatus.DOCUMENTS_MISSING.name(), form.message(),
				"review.request.done", "by", errors, model, response, redirect);
	}

	@PostMapping("/admin/applications/{id}/documents/{kind}/check")
	String checkDocument(@PathVariable String id, @PathVariable String kind,
			@ModelAttribute("checkForm") CheckForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Detail detail = detailOf(id);
		DocumentKind documentKind = parse(DocumentKind.class, kind);
		if (documentKind == null || detail.checklist().stream().noneMatch((item) -> item.kind() == documentKind)) {
			throw NotFoundException.forMissing("document kind");
		}
		Verdict verdict = parse(Verdict.class, form.verdict());
		if (verdict == null) {
			errors.rejectValue("verdict", "review.check.verdict.choose");
		}
		checkText(form.reason(), verdict == Verdict.REJECTED, 500, "reason", "review.check.reason", errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("checkKind", documentKind);
			return show(detail, model);
		}
		if (this.review.checkDocument(detail.app().getId(), documentKind, verdict,
				form.reason()) == Outcome.NOT_YOURS) {
			errors.rejectValue("verdict", "review.outcome.NOT_YOURS");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("checkKind", documentKind);
			return show(detail, model);
		}
		redirect.addFlashAttribute("done", "review.check.done");
		return "redirect:/admin/applications/" + detail.app().getId() + "#checklist";
	}

	/**
	 * The conditions of an offer: the standard ones ticked, which must be the
	 * institution's, then the officer's own lines, each once.
	 */
	private static List<String> conditions(List<String> chosen, @Nullable String otherConditions, Detail detail,
			BindingResult errors) {
		if (!detail.conditionOptions().containsAll(chosen)) {
			errors.rejectValue("conditions", "review.status.conditions.unknown");
		}
		List<String> typed = (otherConditions != null) ? Arrays.stream(otherConditions.split("\\R"))
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.toList() : List.of();
		if (typed.stream().anyMatch((line) -> line.length() > CONDITION_LENGTH)) {
			errors.rejectValue("otherConditions", "review.status.other-conditions.too-long",
					new Object[] { CONDITION_LENGTH }, null);
		}
		List<String> all = Stream.concat(chosen.stream(), typed.stream()).distinct().toList();
		if (all.size() > MAX_CONDITIONS) {
			errors.rejectValue("otherConditions", "review.status.other-conditions.too-many",
					new Object[] { MAX_CONDITIONS }, null);
		}
		return all;
	}

	@PostMapping("/admin/applications/{id}/offers")
	String offerAnother(@PathVariable String id, @ModelAttribute("offerForm") OfferForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Detail detail = detailOf(id);
		Long programme = parseLong(form.programme());
		if (programme == null || !detail.choices().containsKey(programme)) {
			errors.rejectValue("programme", "review.status.programme.choose");
		}
		List<String> conditions = conditions(form.conditions(), form.otherConditions(), detail, errors);
		if (form.version() != detail.app().getVersion()) {
			return conflict(detail, ApplicationStatus.ADMITTED.name(), null, response, model);
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(detail, model);
		}
		Outcome outcome = this.offerReview.offerAnother(detail.app().getId(), form.version(), programme, conditions);
		return finish(outcome, detail, ApplicationStatus.ADMITTED.name(), null, "review.offer.another.done",
				"programme", errors, model, response, redirect);
	}

	@PostMapping("/admin/applications/{id}/offers/{offer}/conditions/{condition}")
	String checkCondition(@PathVariable String id, @PathVariable long offer, @PathVariable long condition,
			@ModelAttribute("conditionForm") ConditionForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Detail detail = detailOf(id);
		ConditionState state = parse(ConditionState.class, form.state());
		if (state == null) {
			throw NotFoundException.forMissing("condition state");
		}
		Outcome outcome = this.offerReview.checkCondition(detail.app().getId(), offer, form.version(), condition,
				state);
		return finishOffer(outcome, detail, "review.offer.condition.done", model, response, redirect);
	}

	@PostMapping("/admin/applications/{id}/offers/{offer}/withdraw")
	String withdrawOffer(@PathVariable String id, @PathVariable long offer,
			@ModelAttribute("withdrawOfferForm") WithdrawOfferForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Detail detail = detailOf(id);
		checkText(form.reason(), true, REASON_LENGTH, "reason", "review.offer.withdraw.reason", errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("withdrawOffer", offer);
			return show(detail, model);
		}
		Outcome outcome = this.offerReview.withdraw(detail.app().getId(), offer, form.version(), form.reason());
		return finishOffer(outcome, detail, "review.offer.withdraw.done", model, response, redirect);
	}

	private String finishOffer(Outcome outcome, Detail detail, String doneKey, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		switch (outcome) {
			case DONE -> {
				redirect.addFlashAttribute("done", doneKey);
				return "redirect:/admin/applications/" + detail.app().getId() + "#offers";
			}
			case NOT_YOURS -> {
				model.addAttribute("offerError", "review.outcome.NOT_YOURS");
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return show(detail, model);
			}
			default -> {
				// Changed by someone else since the page was shown, or no longer open.
				model.addAttribute("offerError", "review.offer.changed");
				response.setStatus(HttpStatus.CONFLICT.value());
				return show(detailOf(detail.app().getId().toString()), model);
			}
		}
	}

	@PostMapping("/admin/applications/{id}/notes")
	String addNote(@PathVariable String id, @ModelAttribute("noteForm") NoteForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Detail detail = detailOf(id);
		checkText(form.body(), true, NOTE_LENGTH, "body", "review.note.body", errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(detail, model);
		}
		this.review.addNote(detail.app().getId(), form.body());
		redirect.addFlashAttribute("done", "review.note.done");
		return "redirect:/admin/applications/" + detail.app().getId() + "#notes";
	}

	/**
	 * A document, shown in the browser or, with {@code download}, saved: either way
	 * recorded in the audit log, with a policy that lets nothing in it run.
	 */
	/** The PDF a referee attached to a reference, within the officer's reach. */
	@GetMapping("/admin/applications/{id}/references/{position}")
	void referenceDocument(@PathVariable String id, @PathVariable int position, HttpServletResponse response)
			throws java.io.IOException {
		Detail detail = detailOf(id);
		References.Attachment letter = this.references.document(detail.app().getId(), position)
			.orElseThrow(() -> NotFoundException.forMissing("document"));
		DocumentTarget.toStaff(response, "application/pdf", letter.content().length, letter.name(), false)
			.write(letter.content());
	}

	@GetMapping("/admin/applications/{id}/documents/{documentId}")
	void document(@PathVariable String id, @PathVariable String documentId,
			@RequestParam(required = false) String download, HttpServletResponse response) {
		UUID application = uuid(id);
		boolean attachment = download != null;
		boolean found = this.review.open(application, uuid(documentId), attachment,
				DocumentTarget.toStaff(response, attachment));
		if (!found) {
			throw NotFoundException.forMissing("document");
		}
	}

	private String finish(Outcome outcome, Detail detail, String typedStatus, String typedReason, String doneKey,
			String field, BindingResult errors, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		switch (outcome) {
			case DONE -> {
				redirect.addFlashAttribute("done", doneKey);
				return "redirect:/admin/applications/" + detail.app().getId();
			}
			case STALE, NOT_ALLOWED -> {
				// Someone moved it between our read and the lock.
				return conflict(detailOf(detail.app().getId().toString()), typedStatus, typedReason, response, model);
			}
			default -> {
				errors.rejectValue(field, "review.outcome." + outcome.name());
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return show(detail, model);
			}
		}
	}

	private String conflict(Detail detail, String typedStatus, String typedReason, HttpServletResponse response,
			Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		Map<String, String> saved = new LinkedHashMap<>();
		saved.put("review.status.label", detail.app().getStatus().name());
		saved.put("review.status.reason", detail.app().getStatusReason());
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("review.status.label", typedStatus);
		typed.put("review.status.reason", typedReason);
		model.addAttribute("conflict", new ConflictView(detail.app().getReference(), ConflictView.compare(saved, typed),
				"/admin/applications/" + detail.app().getId()));
		return ConflictView.VIEW;
	}

	private String show(Detail detail, Model model) {
		model.addAttribute("detail", detail);
		model.addAttribute("app", detail.app());
		model.addAttribute("a", detail.answers());
		model.addAttribute("context", detail.context());
		model.addAttribute("feeStatus", detail.app().getFeeStatus());
		// The answers fragment words the fee for staff, not to the applicant.
		model.addAttribute("staffView", true);
		model.addAttribute("countryNames", Countries.NAMES);
		model.addAttribute("steps", Arrays.stream(Step.values()).filter(Step::isForm).toList());
		// The detail was found within this officer's reach; so are its referees.
		model.addAttribute("references", this.references.of(detail.app().getId()));
		model.addAttribute("referencesRequired", this.references.required(detail.app()));
		model.addAttribute("reads", this.reads.of(detail.app()).orElse(null));
		model.addAttribute("now", this.clock.instant());
		// Only what this officer may do: a joint round's partner decides on its own
		// programmes, and only its coordinator checks, asks for and moves the whole.
		ApplicationReview.Powers powers = this.review.powers(detail);
		List<ApplicationStatus> moves = detail.app()
			.getStatus()
			.next()
			.stream()
			.filter((status) -> status != ApplicationStatus.DOCUMENTS_MISSING)
			.filter((status) -> status.needsProgramme() ? !powers.programmes().isEmpty() : powers.coordinates())
			.toList();
		model.addAttribute("powers", powers);
		// A refusal of something this page does not offer (a request made by hand, or a
		// page from before the rules changed) is said at the top, since no form holds it.
		boolean refused = model.asMap()
			.values()
			.stream()
			.filter(BindingResult.class::isInstance)
			.map(BindingResult.class::cast)
			.flatMap((result) -> result.getAllErrors().stream())
			.anyMatch((error) -> "review.outcome.NOT_YOURS".equals(error.getCode()));
		model.addAttribute("refused", refused);
		model.addAttribute("moves", moves);
		model.addAttribute("canOffer", moves.contains(ApplicationStatus.ADMITTED));
		model.addAttribute("canRefuse",
				moves.contains(ApplicationStatus.NOT_ADMITTED) && !detail.refusalOptions().isEmpty());
		model.addAttribute("programmeChoices",
				detail.choices().entrySet().stream().filter((choice) -> powers.offers(choice.getKey())).toList());
		model.addAttribute("canRequestDocuments",
				powers.coordinates() && detail.app().getStatus().canMoveTo(ApplicationStatus.DOCUMENTS_MISSING));
		model.addAttribute("verdicts", Verdict.values());
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", StatusForm.empty());
		}
		if (!model.containsAttribute("requestForm")) {
			model.addAttribute("requestForm", RequestForm.empty());
		}
		if (!model.containsAttribute("checkForm")) {
			model.addAttribute("checkForm", CheckForm.empty());
		}
		if (!model.containsAttribute("noteForm")) {
			model.addAttribute("noteForm", NoteForm.empty());
		}
		if (!model.containsAttribute("offerForm")) {
			model.addAttribute("offerForm", OfferForm.empty());
		}
		Set<Long> offered = detail.offers().stream().map(Offers.Offer::programmeId).collect(Collectors.toSet());
		model.addAttribute("otherChoices",
				(detail.app().getStatus() == ApplicationStatus.ADMITTED) ? detail.choices()
					.entrySet()
					.stream()
					.filter((choice) -> !offered.contains(choice.getKey()) && powers.offers(choice.getKey()))
					.toList() : List.of());
		if (!model.containsAttribute("withdrawOfferForm")) {
			model.addAttribute("withdrawOfferForm", WithdrawOfferForm.empty());
		}
		model.addAttribute("conditionStates", ConditionState.values());
		return "admin/applications/detail";
	}

	private Detail detailOf(String id) {
		return this.review.detail(uuid(id)).orElseThrow(() -> NotFoundException.forMissing("application"));
	}

	private static void checkText(String value, boolean required, int max, String field, String keyPrefix,
			BindingResult errors) {
		if (required && (value == null || value.isBlank())) {
			errors.rejectValue(field, keyPrefix + ".required");
		}
		else if (value != null && value.strip().length() > max) {
			errors.rejectValue(field, keyPrefix + ".too-long", new Object[] { max }, null);
		}
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(type.getEnumConstants()).filter((e) -> e.name().equals(name)).findFirst().orElse(null);
	}

	private static @Nullable Long parseLong(String value) {
		try {
			return (value != null && !value.isBlank()) ? Long.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw NotFoundException.forMissing("application");
		}
	}

}
