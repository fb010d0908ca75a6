/**
 * Spring Boot 4 auto-configuration of the Meta Commerce SDK, configured under {@code meta.commerce}.
 */
package io.github.metacommerce.spring;
