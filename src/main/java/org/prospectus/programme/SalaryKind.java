package org.prospectus.programme;

/** Whether a published pay figure is the median or the mean of what people earn. */
public enum SalaryKind {

	MEDIAN, AVERAGE;

	/** Message key of the value's label. */
	public String messageKey() {
		return "career.salary-kind." + name();
	}

}
