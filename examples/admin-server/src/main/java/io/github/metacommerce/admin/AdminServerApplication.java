package io.github.metacommerce.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The admin server: a merchant signs in, connects a store to Meta, picks a business and a catalog, and syncs the
 * store's products into it. Runs on its embedded defaults (H2 under {@code ./data/}, the Graph sandbox in-process)
 * with nothing configured.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdminServerApplication {

    /**
     * Starts the server.
     *
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(AdminServerApplication.class, args);
    }
}
