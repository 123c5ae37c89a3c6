package org.qipflow.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.qipflow.QipflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole application as {@code java -jar} would, for tests about start-up, profiles and restarts. */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param properties set as a deployment would set them: they win over the profile's files */
    public static RunningApp start(String profile, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("server.port", 0);
        // several engines may live in this JVM at once (the shared test context among them)
        all.put("camunda.bpm.generate-unique-process-engine-name", true);
        // Cockpit keeps JVM-wide static state that a stopping context would clear for the shared test context.
        all.put("camunda.bpm.webapp.enabled", false);
        // as command-line arguments, so they win over the profile's own files like environment variables do
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new RunningApp(new SpringApplicationBuilder(QipflowApplication.class).profiles(profile).run(args));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public Http http() {
        return Http.anonymous(port());
    }

    /** A free port on this machine, for a server that must know its address before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A setting as the running application resolved it. */
    public String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
