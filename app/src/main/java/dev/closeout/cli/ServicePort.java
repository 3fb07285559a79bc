package dev.closeout.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The port {@code serve} is to listen on, tried before the service starts: a port another process holds (a
 * second {@code closeout} started by mistake) is then one line saying so, where the HTTP server's own failure
 * comes after the database has been opened and with an ERROR log line and a stack trace.
 */
final class ServicePort {

    static final String PORT = "micronaut.server.port";
    static final String HOST = "micronaut.server.host";
    /** Micronaut's when nothing sets it (application.yml does). */
    static final int DEFAULT_PORT = 8080;

    private ServicePort() {
    }

    /** Throws a {@link CommandFailure} when the configured port is taken; a random port (-1, 0) is not looked at. */
    static void checkFree() {
        int port;
        String host;
        try (ApplicationContext unstarted = ApplicationContext.builder().banner(false).build()) {
            Environment environment = unstarted.getEnvironment().start();
            port = environment.getProperty(PORT, Integer.class).orElse(DEFAULT_PORT);
            host = environment.getProperty(HOST, String.class).orElse(null);
        }
        if (port <= 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) {
                throw new CommandFailure(inUse(port), e);
            }
            // not this machine's address, say: the server's own start reports that
        } catch (IOException e) {
            // as above
        }
    }

    static String inUse(int port) {
        return "port " + port + " is already in use (is Closeout already running?); stop what listens there, or "
                + "start this one on another port with MICRONAUT_SERVER_PORT";
    }
}
