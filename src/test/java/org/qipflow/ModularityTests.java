package org.qipflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other only through their public top-level types, and never in a cycle. */
class ModularityTests {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(QipflowApplication.class).verify();
    }
}
