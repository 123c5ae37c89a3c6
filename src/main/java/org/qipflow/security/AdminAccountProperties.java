package org.qipflow.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first coordinator account, created on first start. There is deliberately no default
 * password: outside the demo profile the application refuses to start until one is given.
 */
@Validated
@ConfigurationProperties("qipflow.admin")
record AdminAccountProperties(
        @NotBlank(message = "set the administrator's user name (QIPFLOW_ADMIN_USERNAME)") String username,
        @NotBlank(message = "set QIPFLOW_ADMIN_PASSWORD: qipflow does not start without an administrator password")
        String password) {
}
