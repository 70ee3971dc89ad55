package org.prospectus.site;

import java.security.Principal;
import java.time.Duration;
import java.util.List;

import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.intake.RoundEditing;
import org.prospectus.intake.RoundService;
import org.prospectus.programme.ProgrammePublishing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff area's front page: who is signed in, and for catalogue editors what needs
 * attention: drafts, unpublished changes, and rounds that open or close within 30 days.
 */
@Controller
class AdminDashboardController {

	static final Duration ATTENTION_WINDOW = Duration.ofDays(30);

	private final StaffAccounts accounts;

	private final ProgrammePublishing publishing;

	private final RoundService rounds;

	private final RoundEditing roundEditing;

	AdminDashboardController(StaffAccounts accounts, ProgrammePublishing publishing, RoundService rounds,
			RoundEditing roundEditing) {
		this.accounts = accounts;
		this.publishing = publishing;
		this.rounds = rounds;
		this.roundEditing = roundEditing;
	}

	@GetMapping("/admin")
	String dashboard(Principal principal, Model model) {
		model.addAttribute("staff", this.accounts.findByEmail(principal.getName()).orElseThrow());
		StaffScope scope = StaffScope.current();
		boolean editor = scope.hasAnywhere(StaffRole.EDITOR);
		// Only what the editor's institutions own (ADR 0018).
		model.addAttribute("drafts",
				editor ? this.publishing.drafts()
					.stream()
					.filter((p) -> scope.covers(StaffRole.EDITOR, p.getInstitution().getId()))
					.toList() : List.of());
		model.addAttribute("changedProgrammes",
				editor ? this.publishing.withPendingChanges()
					.stream()
					.filter((p) -> scope.covers(StaffRole.EDITOR, p.getInstitution().getId()))
					.toList() : List.of());
		model.addAttribute("changedRounds",
				editor ? this.roundEditing.withPendingChanges()
					.stream()
					.filter((r) -> scope.covers(StaffRole.EDITOR, r.getInstitution().getId()))
					.toList() : List.of());
		model.addAttribute("comingRounds",
				editor ? this.rounds.openingOrClosingWithin(ATTENTION_WINDOW)
					.stream()
					.filter((v) -> scope.covers(StaffRole.EDITOR, v.round().getInstitution().getId()))
					.toList() : List.of());
		model.addAttribute("editor", editor);
		return "admin/dashboard";
	}

}
