package org.qipflow.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's password is published, so qipflow refuses to listen where other machines can reach it
 * while that password opens the coordinator account: the demo binds to 127.0.0.1, and any start on
 * another address with the demo password configured, or still stored for the account, stops before
 * the server opens its port, naming the two ways out.
 */
@Component
class DemoExposureGuard implements SmartInitializingSingleton {

    private final IdentityService identities;
    private final AdminAccountProperties admin;
    private final String serverAddress;

    DemoExposureGuard(IdentityService identities, AdminAccountProperties admin,
            @Value("${server.address:}") String serverAddress) {
        this.identities = identities;
        this.admin = admin;
        this.serverAddress = serverAddress;
    }

    /** Runs once every bean exists, before the web server starts listening. */
    @Override
    public void afterSingletonsInstantiated() {
        if (loopbackOnly(serverAddress)) {
            return;
        }
        if (LoginController.DEMO_PASSWORD.equals(admin.password()) || storedPasswordIsTheDemoOne()) {
            throw new IllegalStateException("qipflow will not start on "
                    + (serverAddress.isBlank() ? "every network address" : "server.address=" + serverAddress)
                    + " while the coordinator account '" + admin.username() + "' has the demo password, which is "
                    + "published: set QIPFLOW_ADMIN_PASSWORD (and change the account's password in Camunda Admin "
                    + "if it already exists), or keep the demo on this machine with server.address=127.0.0.1");
        }
    }

    /** Checked without counting as a failed sign-in, which would slow down the coordinator's next one. */
    private boolean storedPasswordIsTheDemoOne() {
        if (identities.createUserQuery().userId(admin.username()).count() == 0) {
            return false;
        }
        boolean demo = identities.checkPassword(admin.username(), LoginController.DEMO_PASSWORD);
        if (!demo) {
            identities.unlockUser(admin.username());
        }
        return demo;
    }

    static boolean loopbackOnly(String address) {
        if (address == null || address.isBlank()) {
            return false; // every interface
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
