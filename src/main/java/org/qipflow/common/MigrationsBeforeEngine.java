package org.qipflow.common;

import java.util.Arrays;
import java.util.stream.Stream;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine creates its own tables when it starts, and may run process steps that read the
 * application's tables, so Flyway's migrations must have run first, whatever order beans come in.
 */
@Configuration(proxyBeanMethods = false)
class MigrationsBeforeEngine {

    private static final String FLYWAY = "flywayInitializer";

    @Bean
    static BeanFactoryPostProcessor engineAfterMigrations() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition(FLYWAY)) {
                return;
            }
            for (String engine : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(
                        BeanFactoryUtils.transformedBeanName(engine));
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(FLYWAY)).toArray(String[]::new));
            }
        };
    }
}
