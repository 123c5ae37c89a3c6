package org.qipflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qipflow.common.EmailedLinkRequests;
import org.qipflow.support.Http;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The web layer as deployed behind a TLS proxy, and as an attacker on the open internet meets it. */
@QipflowTest
class WebLayerTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    EmailedLinkRequests linkRequests;

    /** A request from this client address, each test its own, so budgets kept per address stay apart. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void behindATlsProxyRedirectsCookiesAndHstsSayHttps() {
        // the proxy on this machine (an internal address) says the visitor came over HTTPS
        HttpResponse<String> viaProxy = Http.anonymous(port).send(HttpRequest.newBuilder(URI.create(
                        Http.anonymous(port).url("/login"))).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.10").header("X-Forwarded-Host", "qipflow.example.nhs.uk")
                .GET().build());
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000"));
        assertThat(viaProxy.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Lax"));
        HttpResponse<String> protectedPage = Http.anonymous(port).send(HttpRequest.newBuilder(URI.create(
                        Http.anonymous(port).url("/organisations"))).header("Accept", "text/html")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "qipflow.example.nhs.uk").GET().build());
        assertThat(protectedPage.headers().firstValue("Location")).hasValue("https://qipflow.example.nhs.uk/login");

        HttpResponse<String> direct = Http.anonymous(port).get("/login");
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).as("plain HTTP gets no HSTS").isEmpty();
        assertThat(direct.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("Secure"));
    }

    @Test
    void pagesSendNoReferrerAndAPolicyAllowingNothingInline() throws Exception {
        for (String path : List.of("/login", "/calendar", "/tasks/", "/leads/sign-in")) {
            mvc.perform(get(path)).andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY));
        }
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self';", "style-src 'self';",
                "object-src 'none'", "frame-ancestors 'self'").doesNotContain("unsafe");
        mvc.perform(get("/api/organisations").with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD)))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void aFailureOnOurSideShowsNoExceptionTextToApiClientsOrPeople() {
        Http http = Http.anonymous(port);
        HttpResponse<String> api = http.get("/api/failing-on-purpose", QipflowTest.USER, QipflowTest.PASSWORD);
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("Something went wrong on our side")
                .doesNotContain("insert into", "org.qipflow", "IllegalStateException", "P001");

        HttpResponse<String> page = Http.signedIn(port, QipflowTest.USER, QipflowTest.PASSWORD).get("/failing-on-purpose");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Sorry, there is a problem")
                .doesNotContain("insert into", "org.qipflow.", "IllegalStateException", "P001");
    }

    @Test
    void failedSignInsSlowOneAddressDownWithoutLockingTheCoordinatorOut() throws Exception {
        String attacker = "203.0.113.66";
        for (int i = 0; i < SignInThrottle.MOST_FAILURES; i++) {
            mvc.perform(post("/login").with(csrf()).with(from(attacker)).param("username", QipflowTest.USER)
                    .param("password", "guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        // from there, not even the right password is tried
        mvc.perform(post("/login").with(csrf()).with(from(attacker)).param("username", QipflowTest.USER)
                .param("password", QipflowTest.PASSWORD)).andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/api/organisations").with(from(attacker))
                        .with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD)))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        assertThat(mvc.perform(get("/login").param("throttled", "")).andReturn().getResponse().getContentAsString())
                .contains("too many wrong sign-ins from your network");

        // the coordinator, elsewhere, signs in at once
        mvc.perform(post("/login").with(csrf()).with(from("198.51.100.7")).param("username", QipflowTest.USER)
                .param("password", QipflowTest.PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/organisations").with(from("198.51.100.7"))
                .with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void oneAddressMayAskForOnlySoManyEmailedLinksAnHour() throws Exception {
        String flooder = "203.0.113.77";
        for (int i = 0; i < linkRequests.most(); i++) {
            mvc.perform(post("/leads/sign-in").with(csrf()).with(from(flooder)).param("email", "x" + i + "@nhs.example"))
                    .andExpect(status().isOk());
        }
        for (var request : List.of(post("/leads/sign-in").param("email", "lead@nhs.example"),
                post("/tasks/new-link").param("organisationCode", "RV3"))) {
            String page = mvc.perform(request.with(csrf()).with(from(flooder)))
                    .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Many links have been asked for from your network", "Try again after");
        }
        mvc.perform(post("/leads/sign-in").with(csrf()).with(from("198.51.100.8")).param("email", "lead@nhs.example"))
                .andExpect(status().isOk());
    }
}
