package io.github.metacommerce.admin.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the real security configuration into {@code @WebMvcTest} slices. */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class TestSecurity {
}
