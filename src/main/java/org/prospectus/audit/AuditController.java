package org.prospectus.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log for administrators, filtered by a GET form so a view can be bookmarked.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 100;

	private final AuditLog auditLog;

	private final AuditReach reach;

	AuditController(AuditLog auditLog, AuditReach reach) {
		this.auditLog = auditLog;
		this.reach = reach;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String type, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String before,
			@RequestParam(required = false) String record, Model model) {
		Long recordId = recordId(record);
		Instant until = instant(before);
		LocalDate toDate = date(to);
		if (until == null && toDate != null) {
			until = toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		LocalDate fromDate = date(from);
		AuditFilter filter = new AuditFilter(blankToNull(actor), action(action), blankToNull(type),
				(fromDate != null) ? fromDate.atStartOfDay(ZoneOffset.UTC).toInstant() : null, until)
			.of((blankToNull(type) != null) ? recordId : null);
		Optional<Set<Long>> institutions = this.reach.institutions();
		List<AuditEntry> entries = this.auditLog.search(institutions.map(filter::within).orElse(filter), PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("actor", blankToNull(actor));
		model.addAttribute("action", filter.action());
		model.addAttribute("type", blankToNull(type));
		model.addAttribute("record", filter.entityId());
		model.addAttribute("from", (fromDate != null) ? fromDate.toString() : null);
		model.addAttribute("to", (toDate != null) ? toDate.toString() : null);
		if (entries.size() == PAGE_SIZE) {
			model.addAttribute("older",
					UriComponentsBuilder.fromPath("/admin/audit")
						.queryParamIfPresent("actor", Optional.ofNullable(blankToNull(actor)))
						.queryParamIfPresent("action", Optional.ofNullable(filter.action()))
						.queryParamIfPresent("type", Optional.ofNullable(blankToNull(type)))
						.queryParamIfPresent("record", Optional.ofNullable(filter.entityId()))
						.queryParamIfPresent("from", Optional.ofNullable(fromDate))
						.queryParam("before", entries.get(entries.size() - 1).occurredAt())
						.encode()
						.toUriString());
		}
		return "admin/audit";
	}

	/**
	 * A record's id as an address spells it, its decimal digits; anything else is none.
	 */
	private static @Nullable Long recordId(@Nullable String value) {
		return (value != null && value.matches("[1-9][0-9]{0,17}")) ? Long.valueOf(value) : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static @Nullable AuditAction action(String value) {
		try {
			return (blankToNull(value) != null) ? AuditAction.valueOf(value.strip().toUpperCase(Locale.ROOT)) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate date(String value) {
		try {
			return (blankToNull(value) != null) ? LocalDate.parse(value.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Instant instant(String value) {
		try {
			return (blankToNull(value) != null) ? Instant.parse(value.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
