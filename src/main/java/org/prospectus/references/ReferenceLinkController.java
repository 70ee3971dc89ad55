package org.prospectus.references;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.prospectus.applications.PdfUploads;
import org.prospectus.applications.RejectedUploadException;
import org.prospectus.web.UploadTooLargeFilter;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.prospectus.account.SignInThrottle;
import org.prospectus.account.Tokens;
import org.prospectus.support.FieldChecks;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A referee's page, reached by the single-use link in their e-mail, with no account: give
 * the reference or decline. It shows who asks, for which round and until when, and
 * nothing else of the application. Links that do not work are counted per address and
 * refused for a while when there are too many, as failed sign-ins are.
 */
@Controller
class ReferenceLinkController {

	/** The longest reference a referee may write. */
	static final int MAX_COMMENTS = 10000;

	private final References references;

	private final SignInThrottle throttle;

	ReferenceLinkController(References references, SignInThrottle throttle) {
		this.references = references;
		this.throttle = throttle;
	}

	@GetMapping("/references/{token}")
	String page(@PathVariable String token,
			@RequestParam(name = UploadTooLargeFilter.PARAMETER, required = false) @Nullable String tooLarge,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (blocked(token, request)) {
			return tooMany(response);
		}
		References.Link link = this.references.link(token);
		recordFailure(link.state(), token, request);
		model.addAttribute("token", token);
		if (tooLarge != null && link.state() == References.LinkState.OPEN) {
			model.addAttribute("documentError", rejected(RejectedUploadException.Reason.TOO_LARGE));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return show(link, response, model);
	}

	@PostMapping("/references/{token}")
	String answer(@PathVariable String token, @RequestParam(required = false) @Nullable String comments,
			@RequestParam(required = false) @Nullable String decline,
			@RequestParam(required = false) @Nullable MultipartFile document, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (blocked(token, request)) {
			return tooMany(response);
		}
		References.LinkState state;
		if (decline != null) {
			state = this.references.decline(token);
		}
		else {
			String typed = (comments != null) ? comments.strip() : "";
			if (typed.isEmpty() || typed.length() > MAX_COMMENTS) {
				References.Link link = this.references.link(token);
				if (link.state() == References.LinkState.OPEN) {
					model.addAttribute("token", token);
					model.addAttribute("comments", FieldChecks.typedText(typed));
					model.addAttribute("commentsError",
							typed.isEmpty() ? "reference.give.comments.required" : "reference.give.comments.too-long");
					response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				}
				return show(link, response, model);
			}
			byte[] pdf = null;
			if (document != null && !document.isEmpty()) {
				try {
					pdf = PdfUploads.checked(document.getInputStream(), document.getSize());
				}
				catch (RejectedUploadException ex) {
					References.Link link = this.references.link(token);
					if (link.state() == References.LinkState.OPEN) {
						model.addAttribute("token", token);
						model.addAttribute("comments", FieldChecks.typedText(typed));
						model.addAttribute("documentError", rejected(ex.reason()));
						response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
					}
					return show(link, response, model);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			state = this.references.give(token, typed, pdf);
		}
		recordFailure(state, token, request);
		return show(new References.Link(state, null, null), response, model);
	}

	private String show(References.Link link, HttpServletResponse response, Model model) {
		model.addAttribute("link", link);
		if (link.state() == References.LinkState.EXPIRED) {
			response.setStatus(HttpStatus.GONE.value());
		}
		else if (link.state() == References.LinkState.UNKNOWN) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		return "references/link";
	}

	private boolean blocked(String token, HttpServletRequest request) {
		return this.throttle.isBlocked(SignInThrottle.Audience.REFEREE, Tokens.hash(token),
				SignInThrottle.addressKey(request.getRemoteAddr()));
	}

	private void recordFailure(References.LinkState state, String token, HttpServletRequest request) {
		if (state == References.LinkState.UNKNOWN) {
			this.throttle.record(SignInThrottle.Audience.REFEREE, Tokens.hash(token),
					SignInThrottle.addressKey(request.getRemoteAddr()), false);
		}
	}

	private static String rejected(RejectedUploadException.Reason reason) {
		return "reference.give.document.rejected." + reason.name();
	}

	private String tooMany(HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		return "references/too-many";
	}

}
