package org.qipflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qipflow.support.Http;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QipflowTest
class SecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    Http anonymous;

    @BeforeEach
    void setUp() {
        anonymous = Http.anonymous(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/organisations", "/engine-rest/engine", "/engine-rest/process-definition",
            "/camunda/api/engine/engine/", "/camunda/api/engine/engine/default/process-definition",
            "/actuator/prometheus", "/actuator/metrics", "/actuator/info"})
    void anonymousCallsToApisAreRefusedAsProblems(String path) {
        HttpResponse<String> response = anonymous.get(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("default\"", "membership-renewal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/organisations", "/engine-rest/engine", "/engine-rest/process-definition",
            "/actuator/prometheus", "/actuator/info"})
    void theCoordinatorReachesTheApisWithHttpBasic(String path) {
        HttpResponse<String> response = anonymous.get(path, QipflowTest.USER, QipflowTest.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void engineRestListsTheDeployedProcessesToTheCoordinator() {
        HttpResponse<String> response = anonymous.get("/engine-rest/process-definition?key=membership-renewal",
                QipflowTest.USER, QipflowTest.PASSWORD);

        assertThat(response.body()).contains("\"key\":\"membership-renewal\"");
    }

    @Test
    void theSignedInCoordinatorOpensCockpitAndItsApiWithoutASecondLogin() {
        Http browser = Http.signedIn(port, QipflowTest.USER, QipflowTest.PASSWORD);

        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> api = browser.get("/camunda/api/engine/engine/default/process-definition/count");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("count");
        HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(user.body()).contains("\"userId\":\"coordinator\"").contains("cockpit");
    }

    @Test
    void pagesSendAnonymousVisitorsToSignIn() {
        HttpResponse<String> response = anonymous.get("/organisations");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(anonymous.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void healthIsPublicAndShowsTheEngineButNoDetails() {
        HttpResponse<String> response = anonymous.get("/actuator/health");

        assertThat(response.body()).contains("\"processEngine\":{\"status\":\"UP\"}");
        assertThat(response.body()).doesNotContain("H2", "lockOwner");
    }

    @Test
    void aPagePostWithoutCsrfTokenIsRefused() {
        Http browser = Http.signedIn(port, QipflowTest.USER, QipflowTest.PASSWORD);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(browser.url("/organisations/new")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=CSR&name=Forged")).build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(anonymous.get("/api/organisations/CSR", QipflowTest.USER, QipflowTest.PASSWORD).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAccountOutsideTheCoordinatorsGroupIsForbidden() {
        createUser("observer", "observer-password");

        HttpResponse<String> response = anonymous.get("/api/organisations", "observer", "observer-password");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void aWrongPasswordIsRefused() {
        createUser("mistyped", "right-password");

        assertThat(anonymous.get("/api/organisations", "mistyped", "wrong-password").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/organisations", "nobody", "anything").statusCode()).isEqualTo(401);
    }

    @Test
    void apiChangesThatABrowserSaysComeFromAnotherSiteAreRefused() {
        String csv = "code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title\n"
                + "XS1,Cross Site Trust,England,NHS trust,Mallory,mallory@evil.example,Attacker\n";

        HttpResponse<String> crossSite = anonymous.send(csvImport(csv).header("Sec-Fetch-Site", "cross-site").build());
        HttpResponse<String> foreignOrigin = anonymous.send(csvImport(csv).header("Origin", "https://evil.example").build());

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("another web site");
        assertThat(anonymous.get("/api/organisations/XS1", QipflowTest.USER, QipflowTest.PASSWORD).statusCode())
                .isEqualTo(404);
        assertThat(anonymous.send(csvImport(csv).header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "http://localhost:" + port).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsManageAccountsAndDeployments() {
        createCoordinator("plaincoordinator", "plain-password");
        Http browser = Http.signedIn(port, "plaincoordinator", "plain-password");

        assertThat(anonymous.get("/engine-rest/user", "plaincoordinator", "plain-password").statusCode()).isEqualTo(403);
        assertThat(anonymous.get("/engine-rest/deployment", "plaincoordinator", "plain-password").statusCode())
                .isEqualTo(403);
        HttpResponse<String> credentials = anonymous.send(HttpRequest.newBuilder(URI.create(
                        anonymous.url("/engine-rest/user/coordinator/credentials")))
                .header("Authorization", Http.basic("plaincoordinator", "plain-password"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"taken-over-1\",\"authenticatedUserPassword\":\"x\"}"))
                .build());
        assertThat(credentials.statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        assertThat(anonymous.get("/engine-rest/user", QipflowTest.USER, QipflowTest.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void errorsOutsideControllersAreProblemsToo() {
        HttpResponse<String> unknown = anonymous.get("/api/no-such-thing", QipflowTest.USER, QipflowTest.PASSWORD);
        HttpResponse<String> wrongType = anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.url("/api/organisations")))
                .header("Authorization", Http.basic(QipflowTest.USER, QipflowTest.PASSWORD))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("code")).build());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        for (HttpResponse<String> response : java.util.List.of(unknown, wrongType)) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(Http.signedIn(port, QipflowTest.USER, QipflowTest.PASSWORD).get("/no-such-page").body())
                .contains("Page not found");
    }

    private HttpRequest.Builder csvImport(String csv) {
        return HttpRequest.newBuilder(URI.create(anonymous.url("/api/organisations/import")))
                .header("Authorization", Http.basic(QipflowTest.USER, QipflowTest.PASSWORD))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv));
    }

    private void createCoordinator(String id, String password) {
        createUser(id, password);
        if (identityService.createGroupQuery().groupMember(id).groupId(Roles.COORDINATORS_GROUP).count() == 0) {
            identityService.createMembership(id, Roles.COORDINATORS_GROUP);
        }
    }

    private void createUser(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(password);
            identityService.saveUser(user);
        }
    }
}
