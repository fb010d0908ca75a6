package io.github.metacommerce.admin.store;

import io.github.metacommerce.admin.system.Db;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code stores} and {@code store_members} tables. */
@Repository
public class Stores {
    private final JdbcClient jdbc;
    private final Clock clock;

    Stores(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A store as one of its members sees it.
     *
     * @param id the id
     * @param name the name
     * @param role the member's role
     */
    public record Membership(long id, String name, Role role) {
    }

    /**
     * Creates a store.
     *
     * @param name its name
     * @return its id
     */
    public long create(String name) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into stores (name, created_at) values (?, ?)")
                .params(name, Db.ts(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Adds a member or changes a member's role.
     *
     * @param storeId the store
     * @param userId the user
     * @param role the role
     */
    public void putMember(long storeId, long userId, Role role) {
        int updated = jdbc.sql("update store_members set role = ? where store_id = ? and user_id = ?")
                .params(role.name(), storeId, userId).update();
        if (updated == 0) {
            jdbc.sql("insert into store_members (store_id, user_id, role, created_at) values (?, ?, ?, ?)")
                    .params(storeId, userId, role.name(), Db.ts(clock.instant())).update();
        }
    }

    /**
     * Removes a member.
     *
     * @param storeId the store
     * @param userId the user
     * @return whether the user was a member
     */
    public boolean removeMember(long storeId, long userId) {
        return jdbc.sql("delete from store_members where store_id = ? and user_id = ?")
                .params(storeId, userId).update() > 0;
    }

    /**
     * The membership check.
     *
     * @param storeId the store
     * @param userId the user
     * @return the store and the user's role in it, empty when the user is not a member (or the store is unknown)
     */
    public Optional<Membership> membership(long storeId, long userId) {
        return jdbc.sql("select s.id, s.name, m.role from stores s join store_members m on m.store_id = s.id "
                        + "where s.id = ? and m.user_id = ?")
                .params(storeId, userId)
                .query((rs, n) -> new Membership(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role"))))
                .optional();
    }

    /**
     * The stores a user belongs to.
     *
     * @param userId the user
     * @return the stores, by name
     */
    public List<Membership> of(long userId) {
        return jdbc.sql("select s.id, s.name, m.role from stores s join store_members m on m.store_id = s.id "
                        + "where m.user_id = ? order by s.name, s.id")
                .param(userId)
                .query((rs, n) -> new Membership(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role"))))
                .list();
    }

    /**
     * Whether a store exists.
     *
     * @param storeId the id
     * @return whether it exists
     */
    public boolean exists(long storeId) {
        return jdbc.sql("select count(*) from stores where id = ?").param(storeId).query(Long.class).single() > 0;
    }
}
