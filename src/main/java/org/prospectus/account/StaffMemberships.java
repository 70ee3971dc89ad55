package org.prospectus.account;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which institutions a member of staff belongs to, with a role in each (ADR 0018). Adding
 * or removing one moves the account's access epoch on, so that a signed-in session ends
 * and the next sign-in carries the new scope.
 */
@Repository
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

	private void accessChanged(long staffUserId) {
		this.jdbc.sql("update staff_user set access_epoch = access_epoch + 1, version = version + 1 where id = :id")
			.param("id", staffUserId)
			.update();
	}

}
