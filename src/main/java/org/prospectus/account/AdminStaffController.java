package org.prospectus.account;

import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.prospectus.support.Emails;
import org.prospectus.web.ConflictView;
import org.prospectus.web.Formats;
import org.prospectus.web.FormFields;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages for staff accounts. */
@Controller
class AdminStaffController {

	private final StaffManagement staff;

	private final MessageSource messages;

	AdminStaffController(StaffManagement staff, MessageSource messages) {
		this.staff = staff;
		this.messages = messages;
	}

	@InitBinder("inviteForm")
	void inviteFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(InviteForm.class));
	}

	@InitBinder("rolesForm")
	void rolesFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(RolesForm.class));
	}

	@GetMapping("/admin/staff")
	String list(Model model) {
		if (!model.containsAttribute("inviteForm")) {
			model.addAttribute("inviteForm", InviteForm.empty());
		}
		return showList(model);
	}

	@PostMapping("/admin/staff/invite")
	String invite(@Valid @ModelAttribute("inviteForm") InviteForm form, BindingResult result, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (result.hasErrors()) {
			return showList(model);
		}
		try {
			show(this.staff.invite(form.email(), form.displayName(), form.roles(), form.institution()),
					Emails.canonical(form.email()), redirect, locale);
		}
		catch (StaffChangeRefusedException ex) {
			result.rejectValue(ex.field(), ex.messageKey());
			return showList(model);
		}
		return "redirect:/admin/staff";
	}

	@GetMapping("/admin/staff/{id}")
	String show(@PathVariable long id, Model model) {
		StaffUser user = find(id);
		if (!model.containsAttribute("rolesForm")) {
			model.addAttribute("rolesForm", RolesForm.of(user));
		}
		return showPerson(user, model);
	}

	@PostMapping("/admin/staff/{id}/roles")
	String changeRoles(@PathVariable long id, @ModelAttribute("rolesForm") RolesForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		StaffUser user = find(id);
		try {
			this.staff.changeRoles(id, form.version(), form.roles());
		}
		catch (StaleStaffEditException | OptimisticLockingFailureException ex) {
			StaffUser saved = find(id);
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict",
					new ConflictView(saved.getEmail(),
							List.of(new ConflictView.Row("staff.roles", names(saved.getRoles()), names(form.roles()))),
							"/admin/staff/" + id));
			return ConflictView.VIEW;
		}
		catch (StaffChangeRefusedException ex) {
			result.rejectValue(ex.field(), ex.messageKey());
			return showPerson(user, model);
		}
		redirect.addFlashAttribute("saved", "staff.saved.roles");
		return "redirect:/admin/staff/" + id;
	}

	/**
	 * Roles at one institution: what an institution's administrator gives and takes. The
	 * form carries the roles it showed, so that only what was ticked or unticked changes,
	 * and a form shown before someone else's change is refused rather than applied.
	 */
	@PostMapping("/admin/staff/{id}/memberships")
	String changeMemberships(@PathVariable long id, @RequestParam(required = false) @Nullable Long institution,
			@RequestParam(required = false) @Nullable Set<StaffRole> shown,
			@RequestParam(required = false) @Nullable Set<StaffRole> roles, Principal principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		StaffUser user = find(id);
		if (institution == null) {
			model.addAttribute("refused", "staff.memberships.choose");
			model.addAttribute("rolesForm", RolesForm.of(user));
			return showPerson(user, model);
		}
		Set<StaffRole> chosen = StaffRole.setOf(roles);
		try {
			this.staff.changeMemberships(id, institution, StaffRole.setOf(shown), chosen, principal.getName());
		}
		catch (StaleMembershipException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", new ConflictView(user.getEmail(), List
				.of(new ConflictView.Row("staff.memberships", labels(ex.saved(), locale), labels(chosen, locale))),
					"/admin/staff/" + id));
			return ConflictView.VIEW;
		}
		catch (StaffChangeRefusedException ex) {
			model.addAttribute("refused", ex.messageKey());
			model.addAttribute("rolesForm", RolesForm.of(user));
			return showPerson(user, model);
		}
		redirect.addFlashAttribute("saved", "staff.saved.memberships");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/disable")
	String disable(@PathVariable long id, Principal principal, Model model, RedirectAttributes redirect) {
		StaffUser user = find(id);
		try {
			this.staff.disable(id, principal.getName());
		}
		catch (StaffChangeRefusedException ex) {
			model.addAttribute("refused", ex.messageKey());
			model.addAttribute("rolesForm", RolesForm.of(user));
			return showPerson(user, model);
		}
		redirect.addFlashAttribute("saved", "staff.saved.disabled");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		this.staff.enable(id);
		redirect.addFlashAttribute("saved", "staff.saved.enabled");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/link")
	String newLink(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		StaffUser user = find(id);
		show(this.staff.newLink(id), user.getEmail(), redirect, locale);
		return "redirect:/admin/staff/" + id;
	}

	/** The link, shown once, with whom it was e-mailed to and until when it works. */
	private static void show(StaffManagement.Link link, String email, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("link", link.url());
		redirect.addFlashAttribute("linkFor", email);
		redirect.addFlashAttribute("linkUntil", Formats.at(link.expiresAt(), ZoneId.of("UTC"), locale));
	}

	private String showList(Model model) {
		model.addAttribute("people", this.staff.list());
		model.addAttribute("heldBy", this.staff.heldByPerson());
		model.addAttribute("allRoles", StaffRole.values());
		model.addAttribute("places", this.staff.places());
		model.addAttribute("portalAdministrator", StaffScope.current().isPortalAdministrator());
		return "admin/staff/list";
	}

	private String showPerson(StaffUser user, Model model) {
		model.addAttribute("person", user);
		model.addAttribute("allRoles", StaffRole.values());
		List<StaffMemberships.Place> places = this.staff.places();
		List<StaffMemberships.Held> held = this.staff.held(user.getId());
		Set<Long> holds = held.stream().map((h) -> h.place().id()).collect(Collectors.toSet());
		model.addAttribute("places", places);
		model.addAttribute("held", held);
		model.addAttribute("otherPlaces", places.stream().filter((place) -> !holds.contains(place.id())).toList());
		model.addAttribute("managesAccount", this.staff.managesAccount(user));
		model.addAttribute("portalAdministrator", StaffScope.current().isPortalAdministrator());
		return "admin/staff/show";
	}

	private StaffUser find(long id) {
		return this.staff.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String labels(Set<StaffRole> roles, Locale locale) {
		return roles.stream()
			.sorted()
			.map((role) -> this.messages.getMessage(role.messageKey(), null, locale))
			.collect(Collectors.joining(", "));
	}

	private static String names(Set<StaffRole> roles) {
		return String.join(", ", new TreeSet<>(roles.stream().map(StaffRole::name).toList()));
	}

}
