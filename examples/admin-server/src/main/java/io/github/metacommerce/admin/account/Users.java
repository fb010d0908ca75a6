package io.github.metacommerce.admin.account;

import io.github.metacommerce.admin.system.Db;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** The {@code users} table; also Spring Security's source of users. User names are stored in lower case. */
@Repository
public class Users implements UserDetailsService {
    private final JdbcClient jdbc;
    private final Clock clock;

    Users(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public AdminUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /**
     * Finds a user by name, case-insensitively.
     *
     * @param username the name
     * @return the user, if any
     */
    public Optional<AdminUser> find(String username) {
        return jdbc.sql("select id, username, password_hash, system_admin, enabled from users where username = ?")
                .param(normalise(username))
                .query((rs, n) -> new AdminUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getBoolean("system_admin"), rs.getBoolean("enabled")))
                .optional();
    }

    /**
     * Creates a user.
     *
     * @param username the name (stored in lower case)
     * @param passwordHash the BCrypt hash
     * @param systemAdmin whether the user administers the server
     * @return the new user's id
     */
    public long create(String username, String passwordHash, boolean systemAdmin) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into users (username, password_hash, system_admin, enabled, created_at) "
                        + "values (?, ?, ?, true, ?)")
                .params(normalise(username), passwordHash, systemAdmin, Db.ts(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** @return how many users exist */
    public long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    /** @return every user name, sorted */
    public List<String> usernames() {
        return jdbc.sql("select username from users order by username").query(String.class).list();
    }

    static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
