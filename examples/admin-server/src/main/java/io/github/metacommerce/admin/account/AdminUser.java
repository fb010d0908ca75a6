package io.github.metacommerce.admin.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user. {@code systemAdmin} users may create stores and users and see the actuator; what a user may
 * do in a store comes from its membership there.
 *
 * @param id the user id
 * @param username the sign-in name
 * @param passwordHash the BCrypt hash
 * @param systemAdmin whether the user administers the server
 * @param enabled whether the user may sign in
 */
public record AdminUser(long id, String username, String passwordHash, boolean systemAdmin, boolean enabled)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return systemAdmin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "AdminUser[id=" + id + ", username=" + username + ", systemAdmin=" + systemAdmin + "]";
    }
}
