package org.qipflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

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
    void aCoordinatorReadsAndQueriesTheEngineButChangesNothingBehindTheApplicationsBack() {
        createCoordinator("plaincoordinator", "plain-password");
        Http browser = Http.signedIn(port, "plaincoordinator", "plain-password");
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        String xsrf = browser.cookie("XSRF-TOKEN");   // so a refusal below is qipflow's, not the webapps' CSRF check
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(browser.url(
                        "/camunda/api/engine/engine/default/task/count"))).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode())
                .as("Tasklist's own queries still work").isEqualTo(200);

        assertThat(engine("POST", "/engine-rest/task", "{}", "plaincoordinator", "plain-password").statusCode())
                .as("a query").isEqualTo(200);
        assertThat(engine("POST", "/engine-rest/task/count", "{}", "plaincoordinator", "plain-password").statusCode())
                .isEqualTo(200);
        for (String[] change : new String[][] {
                {"POST", "/engine-rest/task/some-task/complete"}, {"POST", "/engine-rest/task/some-task/claim"},
                {"POST", "/engine-rest/task/some-task/submit-form"}, {"POST", "/engine-rest/filter/create"},
                {"DELETE", "/engine-rest/history/process-instance/some-instance"},
                {"POST", "/engine-rest/history/process-instance/delete"},
                {"DELETE", "/engine-rest/process-instance/some-instance"}, {"POST", "/engine-rest/message"},
                {"POST", "/engine-rest/process-definition/key/audit-cycle/start"}}) {
            assertThat(engine(change[0], change[1], "{}", "plaincoordinator", "plain-password").statusCode())
                    .as(change[0] + " " + change[1]).isEqualTo(403);
        }
        HttpResponse<String> tasklist = browser.send(HttpRequest.newBuilder(URI.create(browser.url(
                        "/camunda/api/engine/engine/default/task/some-task/complete")))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(tasklist.statusCode()).as("completing a lead's task in Tasklist").isEqualTo(403);
        HttpResponse<String> filter = browser.send(HttpRequest.newBuilder(URI.create(browser.url(
                        "/camunda/api/engine/engine/default/filter/create")))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{}}"))
                .build());
        assertThat(filter.statusCode()).as("storing a filter").isEqualTo(403);
    }

    @Test
    void noQueryOrStoredFilterMayCarryAnExpression() {
        String expression = "{\"assigneeExpression\":\"${'nobody'}\"}";
        assertThat(engine("POST", "/engine-rest/task", expression, QipflowTest.USER, QipflowTest.PASSWORD).statusCode())
                .as("an ad-hoc query, even an administrator's").isEqualTo(400);
        HttpResponse<String> stored = engine("POST", "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"with an expression\",\"query\":" + expression + "}",
                QipflowTest.USER, QipflowTest.PASSWORD);
        assertThat(stored.statusCode()).as("a stored filter, even an administrator's").isGreaterThanOrEqualTo(400);
        assertThat(anonymous.get("/engine-rest/filter?name=with%20an%20expression", QipflowTest.USER,
                QipflowTest.PASSWORD).body()).isEqualTo("[]");
    }

    private HttpResponse<String> engine(String method, String path, String json, String user, String password) {
        return anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.url(path)))
                .header("Authorization", Http.basic(user, password)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void errorsOutsideControllersAreProblemsToo() {
        HttpResponse<String> unknown = anonymous.get("/api/no-such-thing", QipflowTest.USER, QipflowTest.PASSWORD);
        HttpResponse<String> wrongType = anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.url("/api/organisations")))
                .header("Authorization", Http.basic(QipflowTest.USER, QipflowTest.PASSWORD))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("code")).build());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        for (HttpResponse<String> response : List.of(unknown, wrongType)) {
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
