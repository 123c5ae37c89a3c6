package org.qipflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

class LoginControllerTest {

    @Test
    void theDemoSignInIsShownOnlyWhileTheDemoPasswordIsInUse() {
        ExtendedModelMap demo = new ExtendedModelMap();
        new LoginController(true, new AdminAccountProperties("coordinator", "coordinator")).login(demo);
        assertThat(demo.get("demoPassword")).isEqualTo("coordinator");

        ExtendedModelMap realPassword = new ExtendedModelMap();
        new LoginController(true, new AdminAccountProperties("coordinator", "a-real-secret")).login(realPassword);
        assertThat(realPassword.get("demo")).isEqualTo(false);
        assertThat(realPassword.asMap().values()).doesNotContain("a-real-secret");

        ExtendedModelMap production = new ExtendedModelMap();
        new LoginController(false, new AdminAccountProperties("coordinator", "coordinator")).login(production);
        assertThat(production.get("demoPassword")).isNull();
    }
}
