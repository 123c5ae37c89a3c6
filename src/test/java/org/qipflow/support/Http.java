package org.qipflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client against the running test server, for what MockMvc cannot reach (other servlets). */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    private Http(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** No cookies, no redirects followed. */
    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** Keeps cookies, like a browser, without signing in. */
    public static Http browser(int port) {
        return new Http("http://localhost:" + port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** A cookie this client holds for the application, such as the Camunda webapps' XSRF-TOKEN. */
    public String cookie(String name) {
        if (!(client.cookieHandler().orElse(null) instanceof CookieManager cookies)) {
            throw new IllegalStateException("This client keeps no cookies");
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .map(HttpCookie::getValue).orElseThrow(() -> new IllegalStateException("No cookie " + name));
    }

    /** The CSRF token of the form on the page at this path, as a browser would send it back. */
    public String csrfToken(String path) {
        Matcher token = CSRF.matcher(get(path).body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on " + path);
        }
        return token.group(1);
    }

    /** Signs in through the login form and keeps the session cookie, like a browser. */
    public static Http signedIn(int port, String user, String password) {
        Http http = new Http("http://localhost:" + port, HttpClient.newBuilder()
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build());
        Matcher token = CSRF.matcher(http.get("/login").body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(http.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password
                        + "&_csrf=" + token.group(1))).build());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + login.statusCode() + " " + login.headers());
        }
        return http;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/json")
                .GET().build());
    }

    /** A file, as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, */*;q=0.5")
                .header("Authorization", basic(user, password)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return base + path;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
