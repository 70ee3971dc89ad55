package org.prospectus.account;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff area's front page. */
@Controller
class AdminController {

	private final StaffAccounts accounts;

	AdminController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin")
	String dashboard(Principal principal, Model model) {
		model.addAttribute("staff", this.accounts.findByEmail(principal.getName()).orElseThrow());
		return "admin/dashboard";
	}

}
