package org.qipflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** qipflow: national clinical-audit and quality-improvement programmes on an embedded BPMN engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QipflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(QipflowApplication.class, args);
    }
}
