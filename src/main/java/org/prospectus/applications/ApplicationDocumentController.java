package org.prospectus.applications;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.applicant.ApplicantPrincipal;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.UploadTooLargeFilter;
import org.prospectus.web.FormFields;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The documents step: the limits, one upload form per kind of document, the files
 * uploaded (each downloadable, and deletable while a draft), for the application's
 * applicant only. Upload forms post to this page's own address with the kind in the
 * query, so that an upload too large for the container comes back here with its kind (see
 * {@link UploadTooLargeFilter}).
 */
@Controller
class ApplicationDocumentController {

	/** Only a PDF viewer or image viewer may show it, never as a page of this site. */
	static final String DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

	private final ApplicationService applications;

	private final ApplicationDocuments documents;

	private final MeterRegistry meters;

	ApplicationDocumentController(ApplicationService applications, ApplicationDocuments documents,
			MeterRegistry meters) {
		this.applications = applications;
		this.documents = documents;
		this.meters = meters;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(DocumentUploadForm.class));
	}

	/**
	 * The documents step. After an upload, {@code uploaded} names the stored document,
	 * one of the applicant's own, which the page confirms: in the address rather than in
	 * the session, so an upload and its page write nothing to the session store (issue
	 * 26).
	 */
	@GetMapping("/applications/{id}/documents")
	String page(@PathVariable String id, @RequestParam(required = false) String kind,
			@RequestParam(name = UploadTooLargeFilter.PARAMETER, required = false) String tooLarge,
			@RequestParam(required = false) String uploaded, @AuthenticationPrincipal ApplicantPrincipal me,
			Model model) {
		ApplicationService.DocumentsView view = this.applications.documentsView(id, me.applicantId());
		if (uploaded != null) {
			view.documents()
				.stream()
				.filter((document) -> document.id().toString().equalsIgnoreCase(uploaded))
				.findFirst()
				.ifPresent((document) -> {
					model.addAttribute("uploaded", document.storedName());
					model.addAttribute("uploadedKind", document.kind());
				});
		}
		if (tooLarge != null) {
			DocumentKind rejected = DocumentKind.parse(kind).orElse(null);
			if (rejected != null) {
				this.meters.counter("prospectus.uploads.refused", "reason", "too_large").increment();
				refusal(model, rejected, new RejectedUploadException(RejectedUploadException.Reason.TOO_LARGE));
			}
		}
		return show(view, model);
	}

	@PostMapping("/applications/{id}/documents")
	String upload(@PathVariable String id, @RequestParam(required = false) String kind,
			@ModelAttribute("form") DocumentUploadForm form, BindingResult binding,
			@AuthenticationPrincipal ApplicantPrincipal me, Model model, HttpServletResponse response)
			throws IOException {
		ApplicationService.WithFee owned = this.applications.withFee(id, me.applicantId());
		Application application = owned.application();
		DocumentKind documentKind = DocumentKind.parse(kind)
			.filter((parsed) -> offered(owned.fee()).contains(parsed))
			.orElseThrow(() -> NotFoundException.forMissing("document kind"));
		MultipartFile file = form.file();
		try {
			// A hand-made request with text for the file is told to choose a file.
			if (binding.hasErrors() || file == null || file.isEmpty()) {
				throw new RejectedUploadException(RejectedUploadException.Reason.EMPTY);
			}
			try (InputStream content = file.getInputStream()) {
				ApplicationDocuments.DocumentView stored = this.documents.upload(application.getId(), me.applicantId(),
						documentKind, content, file.getSize(), file.getOriginalFilename());
				return "redirect:/applications/" + application.getId() + "/documents?uploaded=" + stored.id();
			}
		}
		catch (RejectedUploadException ex) {
			this.meters.counter("prospectus.uploads.refused", "reason", ex.reason().name().toLowerCase(Locale.ROOT))
				.increment();
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			refusal(model, documentKind, ex);
			return show(this.applications.documentsView(id, me.applicantId()), model);
		}
	}

	@PostMapping("/applications/{id}/documents/{documentId}/delete")
	String delete(@PathVariable String id, @PathVariable String documentId,
			@AuthenticationPrincipal ApplicantPrincipal me, RedirectAttributes redirect) {
		Application application = owned(id, me);
		switch (this.documents.delete(application.getId(), me.applicantId(), uuid(documentId))) {
			case DELETED -> redirect.addFlashAttribute("deleted", true);
			case NOT_DRAFT -> redirect.addFlashAttribute("notDeleted", true);
			case NOT_FOUND -> throw NotFoundException.forMissing("document");
		}
		return "redirect:/applications/" + application.getId() + "/documents";
	}

	/**
	 * A document, for its applicant: always a download, under the server's name, with the
	 * type its content was found to be; sandboxed should a browser render it anyway.
	 */
	@GetMapping("/applications/{id}/documents/{documentId}")
	void download(@PathVariable String id, @PathVariable String documentId,
			@AuthenticationPrincipal ApplicantPrincipal me, HttpServletResponse response) {
		Application application = owned(id, me);
		boolean found = this.documents.send(application.getId(), me.applicantId(), uuid(documentId), (document) -> {
			response.setContentType(document.contentType());
			response.setContentLengthLong(document.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.storedName(), StandardCharsets.UTF_8)
						.build()
						.toString());
			response.setHeader("Content-Security-Policy", DOCUMENT_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return response.getOutputStream();
		});
		if (!found) {
			throw NotFoundException.forMissing("document");
		}
	}

	private static void refusal(Model model, DocumentKind kind, RejectedUploadException ex) {
		model.addAttribute("rejectedKind", kind);
		model.addAttribute("rejectedReason", ex.reason());
		model.addAttribute("rejectedDeadline", ex.deadline());
	}

	/**
	 * The kinds an applicant may upload: evidence of exemption only when the citizenship
	 * given exempts from the fee, a fee receipt only when it does not.
	 */
	private static List<DocumentKind> offered(FeeStatus fee) {
		return Arrays.stream(DocumentKind.values())
			.filter((kind) -> kind != DocumentKind.FEE_EXEMPTION || fee == FeeStatus.EXEMPT)
			.filter((kind) -> kind != DocumentKind.FEE_RECEIPT || fee == FeeStatus.DUE
					|| fee == FeeStatus.RECEIPT_RECEIVED || fee == FeeStatus.PAID)
			.toList();
	}

	private String show(ApplicationService.DocumentsView view, Model model) {
		Application application = view.application();
		model.addAttribute("app", application);
		model.addAttribute("step", Step.DOCUMENTS);
		model.addAttribute("steps", Step.values());
		model.addAttribute("kinds", offered(view.fee().status()));
		model.addAttribute("documents", view.documents());
		model.addAttribute("canAdd", view.canAdd());
		model.addAttribute("feeStatus", view.fee().status());
		model.addAttribute("fee", view.fee());
		model.addAttribute("maxSize", ApplicationDocuments.MAX_SIZE);
		model.addAttribute("maxDocuments", ApplicationDocuments.MAX_DOCUMENTS);
		model.addAttribute("documentsDeadline",
				ApplicationDocuments.documentsDeadline(application.getRound(), view.dueAt()));
		return "applications/documents";
	}

	private Application owned(String id, ApplicantPrincipal me) {
		return this.applications.owned(id, me.applicantId());
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw NotFoundException.forMissing("record");
		}
	}

}
