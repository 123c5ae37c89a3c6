package org.qipflow.common;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as the templates give them. Spring Boot would otherwise pass every
 * {@code @{…}} link through {@link ResourceUrlEncodingFilter} (the resource chain is on for the
 * versionless webjar paths), which looks each one up in the static locations, a classpath search per
 * link, to version URLs that qipflow never versions: on a page with a hundred links that was a third
 * of its rendering.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
