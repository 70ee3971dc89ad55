package org.prospectus.account;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which institutions a member of staff belongs to, with a role in each (ADR 0018). Adding
 * or removing one moves the account's access epoch on, so that a signed-in session ends
 * and the next sign-in carries the new scope.
 */
@Repository
@NamedInterface("api")
public class StaffMemberships {

	private final JdbcClient jdbc;

	StaffMemberships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The institution ids of each role the person holds at an institution. */
	@Transactional(readOnly = true)
	public Map<StaffRole, Set<Long>> of(long staffUserId) {
		Map<StaffRole, Set<Long>> memberships = new EnumMap<>(StaffRole.class);
		this.jdbc.sql("select institution_id, role from staff_membership where staff_user_id = :id")
			.param("id", staffUserId)
			.query((rs) -> {
				memberships.computeIfAbsent(StaffRole.valueOf(rs.getString("role")), (role) -> new TreeSet<>())
					.add(rs.getLong("institution_id"));
			});
		return memberships;
	}

	/** Gives the person a role at an institution; nothing changes when they have it. */
	@Transactional
	public void grant(long staffUserId, long institutionId, StaffRole role) {
		int added = this.jdbc.sql("""
				insert into staff_membership (staff_user_id, institution_id, role) values (:user, :institution, :role)
				on conflict do nothing""")
			.param("user", staffUserId)
			.param("institution", institutionId)
			.param("role", role.name())
			.update();
		if (added > 0) {
			accessChanged(staffUserId);
		}
	}

	/** The roles the person holds at one institution. */
	@Transactional(readOnly = true)
	public Set<StaffRole> at(long staffUserId, long institutionId) {
		Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
		this.jdbc.sql("select role from staff_membership where staff_user_id = :user and institution_id = :institution")
			.param("user", staffUserId)
			.param("institution", institutionId)
			.query(String.class)
			.list()
			.forEach((role) -> roles.add(StaffRole.valueOf(role)));
		return roles;
	}

	/**
	 * Gives the person exactly these roles at the institution; none removes them from it.
	 */
	@Transactional
	public void replace(long staffUserId, long institutionId, Set<StaffRole> roles) {
		this.jdbc.sql("delete from staff_membership where staff_user_id = :user and institution_id = :institution")
			.param("user", staffUserId)
			.param("institution", institutionId)
			.update();
		for (StaffRole role : roles) {
			grant(staffUserId, institutionId, role);
		}
		accessChanged(staffUserId);
	}

	/**
	 * Gives the person the {@code added} roles at the institution and takes the
	 * {@code removed} ones; leaves every other role as it is.
	 */
	@Transactional
	public void change(long staffUserId, long institutionId, Set<StaffRole> added, Set<StaffRole> removed) {
		if (!removed.isEmpty()) {
			this.jdbc.sql("""
					delete from staff_membership
					where staff_user_id = :user and institution_id = :institution and role in (:roles)""")
				.param("user", staffUserId)
				.param("institution", institutionId)
				.param("roles", removed.stream().map(StaffRole::name).toList())
				.update();
		}
		for (StaffRole role : added) {
			grant(staffUserId, institutionId, role);
		}
		accessChanged(staffUserId);
	}

	/**
	 * Holds the person's account row until the transaction ends, so that changes to their
	 * memberships happen one after the other.
	 */
	@Transactional
	public void lock(long staffUserId) {
		this.jdbc.sql("select id from staff_user where id = :id for update")
			.param("id", staffUserId)
			.query(Long.class)
			.optional();
	}

	/** Everyone's roles at each institution, by person id, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, List<Held>> heldByPerson() {
		Map<Long, Map<Place, Set<StaffRole>>> byPerson = new HashMap<>();
		this.jdbc.sql("""
				select m.staff_user_id, m.role, i.id, i.name from staff_membership m
				join institution_names_for_account i on i.id = m.institution_id order by i.name, i.id""")
			.query((rs) -> {
				byPerson.computeIfAbsent(rs.getLong("staff_user_id"), (id) -> new LinkedHashMap<>())
					.computeIfAbsent(new Place(rs.getLong("id"), rs.getString("name")),
							(place) -> EnumSet.noneOf(StaffRole.class))
					.add(StaffRole.valueOf(rs.getString("role")));
			});
		Map<Long, List<Held>> held = new HashMap<>();
		byPerson.forEach((person, places) -> held.put(person,
				places.entrySet().stream().map((entry) -> new Held(entry.getKey(), entry.getValue())).toList()));
		return held;
	}

	/** Everyone with a role at one of the institutions. */
	@Transactional(readOnly = true)
	public Set<Long> membersOf(Set<Long> institutions) {
		if (institutions.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("select distinct staff_user_id from staff_membership where institution_id in (:ids)")
					.param("ids", institutions)
					.query(Long.class)
					.list());
	}

	/**
	 * Institutions by name, for pickers and lists: these, or every one when
	 * {@code institutions} is null.
	 */
	@Transactional(readOnly = true)
	public List<Place> places(@Nullable Set<Long> institutions) {
		if (institutions != null && institutions.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id, name from institution_names_for_account"
					+ ((institutions != null) ? " where id in (:ids)" : "") + " order by name, id")
			.params((institutions != null) ? Map.of("ids", institutions) : Map.of())
			.query((rs, n) -> new Place(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	/** An institution's name, for the audit log's summaries. */
	@Transactional(readOnly = true)
	public String name(long institutionId) {
		return this.jdbc.sql("select name from institution_names_for_account where id = :id")
			.param("id", institutionId)
			.query(String.class)
			.single();
	}

	/** The person's roles at each institution, by the institution's name. */
	@Transactional(readOnly = true)
	public List<Held> held(long staffUserId) {
		Map<StaffRole, Set<Long>> byRole = of(staffUserId);
		Set<Long> ids = new TreeSet<>();
		byRole.values().forEach(ids::addAll);
		return places(ids).stream().map((place) -> {
			Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
			byRole.forEach((role, at) -> {
				if (at.contains(place.id())) {
					roles.add(role);
				}
			});
			return new Held(place, roles);
		}).toList();
	}

	/** An institution, by id and name. */
	public record Place(long id, String name) {

	}

	/** The roles a person holds at one institution. */
	public record Held(Place place, Set<StaffRole> roles) {

	}

	private void accessChanged(long staffUserId) {
		this.jdbc.sql("update staff_user set access_epoch = access_epoch + 1, version = version + 1 where id = :id")
			.param("id", staffUserId)
			.update();
	}

}
