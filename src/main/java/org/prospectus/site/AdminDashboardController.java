package org.prospectus.site;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffMemberships;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.account.StaffUser;
import org.prospectus.institution.Institution;
import org.prospectus.institution.Institutions;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundEditing;
import org.prospectus.intake.RoundService;
import org.prospectus.programme.Programme;
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

	private final StaffMemberships memberships;

	AdminDashboardController(StaffAccounts accounts, ProgrammePublishing publishing, RoundService rounds,
			RoundEditing roundEditing, StaffMemberships memberships) {
		this.accounts = accounts;
		this.memberships = memberships;
		this.publishing = publishing;
		this.rounds = rounds;
		this.roundEditing = roundEditing;
	}

	@GetMapping("/admin")
	String dashboard(Principal principal, Model model) {
		StaffUser staff = this.accounts.findByEmail(principal.getName()).orElseThrow();
		model.addAttribute("staff", staff);
		model.addAttribute("held", this.memberships.held(staff.getId()));
		boolean editor = StaffScope.current().hasAnywhere(StaffRole.EDITOR);
		// Only what the editor's institutions own (ADR 0018).
		model.addAttribute("drafts", editable(editor, this.publishing::drafts, Programme::getInstitution));
		model.addAttribute("changedProgrammes",
				editable(editor, this.publishing::withPendingChanges, Programme::getInstitution));
		model.addAttribute("changedRounds",
				editable(editor, this.roundEditing::withPendingChanges, ApplicationRound::getInstitution));
		model.addAttribute("comingRounds", editable(editor, () -> this.rounds.openingOrClosingWithin(ATTENTION_WINDOW),
				(view) -> view.round().getInstitution()));
		model.addAttribute("editor", editor);
		return "admin/dashboard";
	}

	/**
	 * The entries whose institution the signed-in editor edits; for someone who is not an
	 * editor none, without asking the editing services, which would refuse them.
	 */
	private static <T> List<T> editable(boolean editor, Supplier<List<T>> entries,
			Function<T, Institution> institution) {
		return editor ? entries.get()
			.stream()
			.filter((entry) -> Institutions.editable(institution.apply(entry).getId()))
			.toList() : List.of();
	}

}
