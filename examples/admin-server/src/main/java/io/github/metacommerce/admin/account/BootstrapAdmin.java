package io.github.metacommerce.admin.account;

import io.github.metacommerce.admin.product.DemoProducts;
import io.github.metacommerce.admin.store.Role;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.admin.system.AdminProperties;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no user in the database) creates the administrator and the first store, the way Spring
 * Boot and Jenkins do it: the password comes from {@code ADMIN_PASSWORD}, or is generated and logged exactly once.
 * The store gets the demo products ({@link DemoProducts}) in the same transaction, so they exist exactly when the
 * store does.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Users users;
    private final Stores stores;
    private final PasswordEncoder passwords;
    private final AdminProperties properties;
    private final TransactionTemplate tx;
    private final DemoProducts demoProducts;

    BootstrapAdmin(Users users, Stores stores, PasswordEncoder passwords, AdminProperties properties,
            TransactionTemplate tx, DemoProducts demoProducts) {
        this.users = users;
        this.stores = stores;
        this.passwords = passwords;
        this.properties = properties;
        this.tx = tx;
        this.demoProducts = demoProducts;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            if (users.count() > 0) {
                return;
            }
            AdminProperties.Bootstrap b = properties.bootstrap();
            boolean generated = b.password().filter(p -> !p.isBlank()).isEmpty();
            String password = generated ? generate() : b.password().get();
            long userId = users.create(b.username(), passwords.encode(password), true);
            long storeId = stores.create(b.storeName());
            stores.putMember(storeId, userId, Role.OWNER);
            demoProducts.seed(storeId);
            if (generated) {
                log.warn("Created user '{}' with the generated password: {}  (shown once; set ADMIN_PASSWORD to "
                        + "choose it on a fresh database)", b.username(), password);
            } else {
                log.info("Created user '{}' with the password from ADMIN_PASSWORD", b.username());
            }
            log.info("Created store '{}' (id {}) owned by '{}'", b.storeName(), storeId, b.username());
        });
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
