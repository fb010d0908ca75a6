package io.github.metacommerce.admin.account;

import io.github.metacommerce.admin.store.Role;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.admin.store.CurrentStoreResolver;
import io.github.metacommerce.admin.system.ApiException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Setting up stores and users without SQL: a server administrator creates users and stores; a store's owner (or
 * an administrator) manages its members.
 */
@RestController
@RequestMapping("/api/admin")
class AccountController {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

    private final Users users;
    private final Stores stores;
    private final PasswordEncoder passwords;

    AccountController(Users users, Stores stores, PasswordEncoder passwords) {
        this.users = users;
        this.stores = stores;
        this.passwords = passwords;
    }

    record CreateUser(String username, String password, Boolean systemAdmin) {
    }

    record CreateStore(String name, String owner) {
    }

    record PutMember(String username, String role) {
    }

    @GetMapping("/users")
    Map<String, Object> listUsers() {
        requireSystemAdmin();
        return Map.of("users", users.usernames());
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> createUser(@RequestBody CreateUser body) {
        requireSystemAdmin();
        String username = ApiException.requireText(body == null ? null : body.username(), "username")
                .toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("username",
                    "Field 'username' must be 2 to 100 letters, digits or . _ @ -, starting with a letter or digit.");
        }
        String password = ApiException.requireText(body.password(), "password");
        if (password.length() < 12) {
            throw ApiException.badRequest("password", "Field 'password' must have at least 12 characters.");
        }
        if (users.find(username).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "unknown_error", "user_exists", Optional.of("username"),
                    "A user named '" + username + "' exists already.");
        }
        long id = users.create(username, passwords.encode(password), Boolean.TRUE.equals(body.systemAdmin()));
        return Map.of("id", id, "username", username);
    }

    @PostMapping("/stores")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> createStore(@RequestBody CreateStore body) {
        AdminUser admin = requireSystemAdmin();
        String name = ApiException.requireText(body == null ? null : body.name(), "name");
        if (name.length() > 200) {
            throw ApiException.badRequest("name", "Field 'name' must have at most 200 characters.");
        }
        AdminUser owner = body.owner() == null || body.owner().isBlank() ? admin
                : users.find(body.owner()).orElseThrow(() -> ApiException.badRequest("owner",
                        "Field 'owner' names no user."));
        long id = stores.create(name);
        stores.putMember(id, owner.id(), Role.OWNER);
        return Map.of("id", id, "name", name, "owner", owner.username());
    }

    @PutMapping("/stores/{storeId}/members")
    @Transactional
    Map<String, Object> putMember(@PathVariable long storeId, @RequestBody PutMember body) {
        requireOwnerOrAdmin(storeId);
        String username = ApiException.requireText(body == null ? null : body.username(), "username");
        Role role;
        try {
            role = Role.valueOf(ApiException.requireText(body.role(), "role").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role", "Field 'role' must be owner or staff.");
        }
        AdminUser user = users.find(username)
                .orElseThrow(() -> ApiException.badRequest("username", "Field 'username' names no user."));
        stores.putMember(storeId, user.id(), role);
        return Map.of("success", true, "storeId", storeId, "username", user.username(),
                "role", role.name().toLowerCase(Locale.ROOT));
    }

    @DeleteMapping("/stores/{storeId}/members/{username}")
    @Transactional
    Map<String, Object> removeMember(@PathVariable long storeId, @PathVariable String username) {
        requireOwnerOrAdmin(storeId);
        AdminUser user = users.find(username).orElseThrow(() -> ApiException.notFound("User " + username));
        if (!stores.removeMember(storeId, user.id())) {
            throw ApiException.notFound("Member " + username);
        }
        return Map.of("success", true);
    }

    private AdminUser requireSystemAdmin() {
        AdminUser user = CurrentStoreResolver.signedInUser().orElseThrow(() -> ApiException.forbidden("Sign in first."));
        if (!user.systemAdmin()) {
            throw ApiException.forbidden("Only a server administrator may do this.");
        }
        return user;
    }

    private void requireOwnerOrAdmin(long storeId) {
        AdminUser user = CurrentStoreResolver.signedInUser().orElseThrow(() -> ApiException.forbidden("Sign in first."));
        boolean owner = stores.membership(storeId, user.id()).map(m -> m.role() == Role.OWNER).orElse(false);
        if (!owner && !(user.systemAdmin() && stores.exists(storeId))) {
            throw ApiException.forbidden("Only an owner of store " + storeId + " may manage its members.");
        }
    }
}
