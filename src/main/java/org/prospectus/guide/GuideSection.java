package org.prospectus.guide;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.prospectus.support.BaseEntity;

/**
 * A section of the guide, such as "Admission requirements" or the questions people ask.
 * Its slug is its anchor on the page.
 */
@Entity
public class GuideSection extends BaseEntity {

	private String slug;

	private String title;

	private String intro;

	private String source;

	private int position;

	@OneToMany(mappedBy = "section")
	@OrderBy("position")
	private List<GuideEntry> entries = new ArrayList<>();

	protected GuideSection() {
	}

	public GuideSection(String slug, String title, int position) {
		this.slug = slug;
		this.title = title;
		this.position = position;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public String getIntro() {
		return this.intro;
	}

	public void setIntro(String intro) {
		this.intro = intro;
	}

	/** Where the section's facts come from, when it states any. */
	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public int getPosition() {
		return this.position;
	}

	public List<GuideEntry> getEntries() {
		return List.copyOf(this.entries);
	}

}
