package org.prospectus.programme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.web.UploadTooLargeFilter;
import org.prospectus.web.FormFields;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Catalogue editors upload a programme's course description document. An upload waits
 * until the programme is next published; until then staff can download it to check it,
 * replace it or discard it.
 */
@Controller
class AdminProgrammeDocumentController {

	static final String VIEW = "admin/catalogue/programme-document";

	/** Only a PDF viewer may show it, never as a page of this site. */
	static final String DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

	private final ProgrammeDocuments documents;

	private final ProgrammePublishing publishing;

	AdminProgrammeDocumentController(ProgrammeDocuments documents, ProgrammePublishing publishing) {
		this.documents = documents;
		this.publishing = publishing;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(DocumentUploadForm.class));
	}

	/**
	 * The page, also where an upload too large for the container is sent back to (see
	 * {@link UploadTooLargeFilter}).
	 */
	@GetMapping("/admin/catalogue/programmes/{id}/document")
	String show(@PathVariable long id,
			@RequestParam(name = UploadTooLargeFilter.PARAMETER, required = false) String tooLarge, Model model) {
		Programme programme = find(id);
		DocumentUploadForm form = DocumentUploadForm.empty();
		model.addAttribute("form", form);
		if (tooLarge != null) {
			BindingResult result = new BeanPropertyBindingResult(form, "form");
			result.rejectValue("file", RejectedDocumentException.Reason.TOO_LARGE.messageKey());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		}
		return page(programme, model);
	}

	@PostMapping("/admin/catalogue/programmes/{id}/document")
	String upload(@PathVariable long id, @ModelAttribute("form") DocumentUploadForm form, BindingResult result,
			Model model, RedirectAttributes redirect) throws IOException {
		Programme programme = find(id);
		MultipartFile file = form.file();
		if (result.hasErrors() || file == null || file.isEmpty()) {
			return refused(programme, form, RejectedDocumentException.Reason.EMPTY, model);
		}
		try (InputStream content = file.getInputStream()) {
			this.documents.stage(id, file.getOriginalFilename(), content, file.getSize());
		}
		catch (RejectedDocumentException ex) {
			return refused(programme, form, ex.reason(), model);
		}
		redirect.addFlashAttribute("saved", "admin.programme-document.staged");
		return "redirect:/admin/catalogue/programmes/{id}/document";
	}

	@PostMapping("/admin/catalogue/programmes/{id}/document/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		boolean discarded = this.documents.discardPending(id);
		redirect.addFlashAttribute("saved",
				discarded ? "admin.programme-document.discarded" : "admin.programme-document.nothing-to-discard");
		return "redirect:/admin/catalogue/programmes/{id}/document";
	}

	/**
	 * The staged document, for staff to check before publishing: always a download, and
	 * sandboxed should a browser render it anyway.
	 */
	@GetMapping("/admin/catalogue/programmes/{id}/document/pending.pdf")
	void pending(@PathVariable long id, HttpServletResponse response) {
		boolean found = this.documents.sendPending(id, (filename, size) -> {
			response.setContentType(ProgrammeDocuments.CONTENT_TYPE);
			response.setContentLengthLong(size);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
			response.setHeader("Content-Security-Policy", DOCUMENT_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return response.getOutputStream();
		});
		if (!found) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private String refused(Programme programme, DocumentUploadForm form, RejectedDocumentException.Reason reason,
			Model model) {
		// A fresh result, so that a type mismatch on a hand-made request is told as
		// "choose a file", like any other missing file.
		BindingResult result = new BeanPropertyBindingResult(form, "form");
		result.rejectValue("file", reason.messageKey());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		return page(programme, model);
	}

	private String page(Programme programme, Model model) {
		model.addAttribute("programme", programme);
		model.addAttribute("pending", this.documents.pending(programme.getId()).orElse(null));
		model.addAttribute("maxSize", ProgrammeDocuments.MAX_SIZE);
		return VIEW;
	}

	private Programme find(long id) {
		return this.publishing.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
