package org.qipflow.common;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where people reach qipflow, for links that leave the application: emails, calendar entries and
 * feed addresses. In production it is {@code qipflow.base-url} (required there: behind a proxy only
 * the operator knows it). Without it, as in the demo, it is the address the server actually listens
 * on, port included, which the start-up log names too.
 */
@Component
public class PublicAddress {

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final boolean configured;
    private final String listenHost;
    private volatile String base;

    PublicAddress(@Value("${qipflow.base-url:}") String baseUrl,
            @Value("${qipflow.base-url-required:false}") boolean required,
            @Value("${server.address:}") String serverAddress, @Value("${server.port:8080}") int port) {
        this.configured = !baseUrl.isBlank();
        if (!configured && required) {
            throw new IllegalStateException("Set qipflow.base-url (QIPFLOW_BASE_URL) to the address people reach "
                    + "qipflow at, for example https://qipflow.example.nhs.uk: every link in emails and calendars "
                    + "starts with it");
        }
        this.listenHost = host(serverAddress);
        this.base = configured ? checked(baseUrl.strip()) : "http://" + listenHost + ":" + port;
    }

    /** The port is known once the server listens (a random one in tests). */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (!configured && event.getApplicationContext().getServerNamespace() == null) {
            base = "http://" + listenHost + ":" + event.getWebServer().getPort();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("qipflow is running at {}{}", base, configured ? "" : " (no qipflow.base-url set: links in "
                + "emails and calendars use this address)");
    }

    /** @param path starting with a slash, e.g. {@code /calendar} */
    public String of(String path) {
        return base + path;
    }

    public String host() {
        return URI.create(base).getHost();
    }

    /** The address the server is bound to as a host name in links; any address means this machine. */
    private static String host(String serverAddress) {
        if (serverAddress.isBlank()) {
            return "localhost";
        }
        try {
            InetAddress address = InetAddress.getByName(serverAddress);
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
                return "localhost";
            }
            String literal = address.getHostAddress();
            return literal.contains(":") ? "[" + literal + "]" : literal;
        } catch (UnknownHostException e) {
            return serverAddress;
        }
    }

    private static String checked(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalStateException("qipflow.base-url must be a whole web address such as "
                    + "https://qipflow.example.nhs.uk, not '" + url + "'");
        }
        return base;
    }
}
