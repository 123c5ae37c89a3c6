package org.qipflow.common;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people reach qipflow ({@code qipflow.base-url}), for links that leave the application:
 * emails, calendar entries and feed addresses.
 */
@Component
public class PublicAddress {

    private final String base;

    PublicAddress(@Value("${qipflow.base-url}") String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** @param path starting with a slash, e.g. {@code /calendar} */
    public String of(String path) {
        return base + path;
    }

    public String host() {
        return URI.create(base).getHost();
    }
}
