package org.prospectus.review;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the queue's filters offer and its rows name: the rounds, with the time zone of the
 * institution that coordinates each, and the programmes.
 */
public record QueueOptions(List<Round> rounds, List<Programme> programmes) {

	public Map<Long, Round> roundsById() {
		return this.rounds.stream().collect(Collectors.toMap(Round::id, Function.identity()));
	}

	public Map<Long, Programme> programmesById() {
		return this.programmes.stream().collect(Collectors.toMap(Programme::id, Function.identity()));
	}

	public record Round(long id, String name, String slug, String institution, ZoneId zone) {
	}

	public record Programme(long id, String code, String title, String institution) {
	}

}
