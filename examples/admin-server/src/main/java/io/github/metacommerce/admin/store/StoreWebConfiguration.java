package io.github.metacommerce.admin.store;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Makes {@link CurrentStore} a controller parameter. */
@Configuration(proxyBeanMethods = false)
class StoreWebConfiguration implements WebMvcConfigurer {
    private final CurrentStoreResolver resolver;

    StoreWebConfiguration(CurrentStoreResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(resolver);
    }
}
