package org.prospectus.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.prospectus.applications.ApplicationStatus;
import org.jspecify.annotations.Nullable;

/**
 * A bulk status change as the queue page and the preview page post it. Everything is a
 * string, read leniently: a value that does not parse counts as not given.
 */
public class BulkForm {

	/** {@code selected} for the ticked rows, {@code view} for the whole view. */
	private String scope;

	private List<String> ids = new ArrayList<>();

	/** The view's query string, as the queue page's address has it. */
	private String view;

	private String target;

	private String programme;

	private String reason;

	/** From the preview to the confirmation: {@code id:version} for each application. */
	private List<String> versions = new ArrayList<>();

	public boolean isWholeView() {
		return "view".equals(this.scope);
	}

	public @Nullable ApplicationStatus targetStatus() {
		try {
			ApplicationStatus status = ApplicationStatus.valueOf(this.target.strip().toUpperCase(Locale.ROOT));
			return BulkStatusChange.TARGETS.contains(status) ? status : null;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	public @Nullable Long programmeId() {
		try {
			return Long.valueOf(this.programme.strip());
		}
		catch (NumberFormatException | NullPointerException ex) {
			return null;
		}
	}

	public @Nullable String reasonText() {
		return (this.reason == null || this.reason.isBlank()) ? null : this.reason.strip();
	}

	public Set<UUID> selectedIds() {
		Set<UUID> parsed = new LinkedHashSet<>();
		for (String id : this.ids) {
			try {
				parsed.add(UUID.fromString(id.strip()));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				// Not an application's id: left out.
			}
		}
		return parsed;
	}

	/** Each previewed application's id and version; malformed pairs are left out. */
	public Map<UUID, Long> previewedVersions() {
		Map<UUID, Long> parsed = new LinkedHashMap<>();
		for (String pair : this.versions) {
			int colon = (pair != null) ? pair.indexOf(':') : -1;
			if (colon < 0) {
				continue;
			}
			try {
				parsed.put(UUID.fromString(pair.substring(0, colon).strip()),
						Long.valueOf(pair.substring(colon + 1).strip()));
			}
			catch (IllegalArgumentException ex) {
				// Not a pair the preview wrote: left out.
			}
		}
		return parsed;
	}

	public String getScope() {
		return this.scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

	public List<String> getIds() {
		return this.ids;
	}

	public void setIds(List<String> ids) {
		this.ids = ids;
	}

	public String getView() {
		return this.view;
	}

	public void setView(String view) {
		this.view = view;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public String getProgramme() {
		return this.programme;
	}

	public void setProgramme(String programme) {
		this.programme = programme;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public List<String> getVersions() {
		return this.versions;
	}

	public void setVersions(List<String> versions) {
		this.versions = versions;
	}

}
