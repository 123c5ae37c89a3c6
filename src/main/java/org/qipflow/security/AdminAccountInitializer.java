package org.qipflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure the coordinators group and the first coordinator exist. An existing account is left as
 * it is, so a password changed later in Camunda Admin is not overwritten at the next start.
 */
@Component
class AdminAccountInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);

    private final IdentityService identityService;
    private final AdminAccountProperties admin;

    AdminAccountInitializer(IdentityService identityService, AdminAccountProperties admin) {
        this.identityService = identityService;
        this.admin = admin;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ensureGroup(Roles.COORDINATORS_GROUP, "Coordinators", "WORKFLOW");
        ensureGroup(Roles.CAMUNDA_ADMIN_GROUP, "Camunda administrators", "SYSTEM");
        if (identityService.createUserQuery().userId(admin.username()).count() == 0) {
            User user = identityService.newUser(admin.username());
            user.setFirstName("Programme");
            user.setLastName("Coordinator");
            user.setPassword(admin.password());
            identityService.saveUser(user);
            identityService.createMembership(admin.username(), Roles.COORDINATORS_GROUP);
            identityService.createMembership(admin.username(), Roles.CAMUNDA_ADMIN_GROUP);
            log.info("Created the coordinator account '{}'", admin.username());
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }
}
