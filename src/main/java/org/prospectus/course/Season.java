package org.prospectus.course;

import org.springframework.modulith.NamedInterface;

/** The part of the academic year a term falls in, in calendar order. */
@NamedInterface("api")
public enum Season {

	SPRING(1), SUMMER(2), AUTUMN(3);

	private final int number;

	Season(int number) {
		this.number = number;
	}

	int number() {
		return this.number;
	}

	static Season ofNumber(int number) {
		for (Season season : values()) {
			if (season.number == number) {
				return season;
			}
		}
		throw new IllegalArgumentException("No season numbered " + number);
	}

	/** Message key of the season's name. */
	public String messageKey() {
		return "season." + name();
	}

}
