package cn.jiyun.fulfillment.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Free ports for a test that runs the sandbox beside the service on a defined port: the sandbox's pushes and
 * redirects come back to the callback URLs made from {@code server.port}, which a random port (0) would break.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** Sets {@code jiyun.sandbox.port} and {@code server.port} to two ports free now. */
    public static void sandboxAndServer(DynamicPropertyRegistry registry) {
        try (ServerSocket sandbox = new ServerSocket(0); ServerSocket server = new ServerSocket(0)) {
            int sandboxPort = sandbox.getLocalPort();
            int serverPort = server.getLocalPort();
            registry.add("jiyun.sandbox.port", () -> sandboxPort);
            registry.add("server.port", () -> serverPort);
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
