package org.prospectus.guide;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.prospectus.support.BaseEntity;
import org.prospectus.support.Money;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a guide section: a typical course, a requirement, a cost, a point to weigh
 * or a question with its answer. Its slug is a stable anchor, so that a link to one
 * question keeps working.
 */
@Entity
public class GuideEntry extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "section_id")
	private GuideSection section;

	private String slug;

	private int position;

	private String heading;

	private String body;

	private BigDecimal amountFrom;

	private BigDecimal amountTo;

	private String currency;

	protected GuideEntry() {
	}

	public GuideEntry(GuideSection section, String slug, int position, String heading, String body) {
		this.section = section;
		this.slug = slug;
		this.position = position;
		this.heading = heading;
		this.body = body;
	}

	public String getSlug() {
		return this.slug;
	}

	public int getPosition() {
		return this.position;
	}

	public String getHeading() {
		return this.heading;
	}

	public String getBody() {
		return this.body;
	}

	/** A range of amounts in one currency, such as tuition from 10,000 to 80,000. */
	public void setRange(Money from, Money to) {
		if (from != null && to != null && !from.currency().equals(to.currency())) {
			throw new IllegalArgumentException("A range is in one currency");
		}
		this.amountFrom = (from != null) ? from.amount() : null;
		this.amountTo = (to != null) ? to.amount() : null;
		this.currency = (from != null) ? from.currency() : (to != null) ? to.currency() : null;
	}

	public @Nullable Money getFrom() {
		return (this.amountFrom != null) ? new Money(this.amountFrom, this.currency) : null;
	}

	public @Nullable Money getTo() {
		return (this.amountTo != null) ? new Money(this.amountTo, this.currency) : null;
	}

	public boolean hasRange() {
		return this.currency != null;
	}

}
