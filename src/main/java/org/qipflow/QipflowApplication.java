package org.qipflow;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** qipflow: national clinical-audit and quality-improvement programmes on an embedded BPMN engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QipflowApplication {

    static {
        // Programmes run on UK time. Pages format instants in the JVM's zone, so make that UK time
        // whatever zone the host is set to.
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
    }

    public static void main(String[] args) {
        SpringApplication.run(QipflowApplication.class, args);
    }
}
