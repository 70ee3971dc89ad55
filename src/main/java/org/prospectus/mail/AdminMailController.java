package org.prospectus.mail;

import org.prospectus.web.NotFoundException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demonstration mail page: the newest outbox messages with their text, so that a
 * person trying the portal with invented addresses can open the links they were sent. Any
 * member of staff may see it, and only where {@code prospectus.mail.show-messages} is
 * true (the developer and demo run); everywhere else it does not exist.
 */
@Controller
class AdminMailController {

	/**
	 * Read on every request rather than once, so that the tests can show the page without
	 * starting a second application context.
	 */
	static final String SHOW_MESSAGES = "prospectus.mail.show-messages";

	static final int LIMIT = 50;

	private final MailOutbox outbox;

	private final Environment environment;

	AdminMailController(MailOutbox outbox, Environment environment) {
		this.outbox = outbox;
		this.environment = environment;
	}

	@GetMapping("/admin/mail")
	String messages(Model model) {
		if (!this.environment.getProperty(SHOW_MESSAGES, Boolean.class, false)) {
			throw NotFoundException.forDisabledPage("/admin/mail");
		}
		model.addAttribute("messages", this.outbox.recent(LIMIT));
		model.addAttribute("limit", LIMIT);
		return "admin/mail";
	}

}
