package dev.closeout.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The jar's command line as a person runs it: a JVM of its own, started on the application's classpath without
 * the tests' classes and resources (their logback-test.xml and application-test.yml would change what it prints),
 * with the environment variables given and none of the caller's Closeout, datasource or Micronaut settings.
 */
final class CloseoutProcess {

    private static final List<String> SETTINGS = List.of("CLOSEOUT_", "DATASOURCES_", "MICRONAUT_", "FLYWAY_");

    private CloseoutProcess() {
    }

    /** What a finished command printed, and how it exited. */
    record Finished(int exitCode, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs {@code closeout ARGUMENTS} to its end. */
    static Finished run(Map<String, String> environment, String... arguments) {
        try {
            Path out = Files.createTempFile("closeout-out", ".txt");
            Path err = Files.createTempFile("closeout-err", ".txt");
            try {
                Process process = start(environment, out, err, arguments);
                int exitCode = process.waitFor();
                return new Finished(exitCode, Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code closeout ARGUMENTS}, its output and error streams going to the files given. */
    static Process start(Map<String, String> environment, Path out, Path err, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", applicationClasspath(), "dev.closeout.Closeout"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null"))).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> variables = builder.environment();
        variables.keySet().removeIf(name -> SETTINGS.stream().anyMatch(name::startsWith));
        variables.putAll(environment);
        return builder.start();
    }

    /** Stops a started service as a person does, with Ctrl-C's signal, and waits for it. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String applicationClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expanded(Path.of(entry)));
        }
        entries.removeIf(entry -> Path.of(entry).endsWith("test-classes"));
        return String.join(File.pathSeparator, entries);
    }

    /** Surefire may start the tests' JVM on one jar whose manifest holds the classpath: its entries. */
    private static List<String> expanded(Path entry) throws IOException {
        if (!entry.getFileName().toString().startsWith("surefirebooter") || !entry.toString().endsWith(".jar")) {
            return List.of(entry.toString());
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            List<String> entries = new ArrayList<>();
            URI base = entry.toUri();
            for (String item : classPath.trim().split("\\s+")) {
                entries.add(Path.of(base.resolve(item)).toString());
            }
            return entries;
        }
    }

    /** An environment of the variables given, for {@link #run} and {@link #start}. */
    static Map<String, String> environment(String... namesAndValues) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            environment.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return environment;
    }
}
