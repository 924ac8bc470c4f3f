package dev.retention.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The library as a consumer meets it: a small program that requires every library module is compiled and run
 * against the built jars on the module path and on the class path, and linked with {@code jlink} into a runtime
 * image that runs on its own. On the module path and in the image every module is an explicit module (no
 * automatic module may be required: {@code jlink} refuses them), and the model readers of all six modules are
 * found through the service loader in all three setups.
 */
class LibraryJarsTest {

    private static final List<String> MODULES = List.of("retention-core", "retention-cluster", "retention-recsys",
            "retention-churn", "retention-lifetime", "retention-experiment");

    private static List<Path> libraries;

    @BeforeAll
    static void findTheLibrary() {
        libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
            Path p = Path.of(entry);
            String s = p.toString().replace(File.separatorChar, '/');
            boolean ours = MODULES.stream().anyMatch(m -> s.contains("/" + m + "/target/")
                    || p.getFileName().toString().startsWith(m + "-"));
            boolean runtime = p.getFileName().toString().matches("(slf4j-api|slf4j-simple|fastcsv|xz)-.*\\.jar");
            if (ours || runtime) {
                libraries.add(p);
            }
        }
        assertEquals(MODULES.size() + 4, libraries.size(), "library jars on the test class path: " + libraries);
    }

    @Test
    void consumer_onTheModulePath_findsEveryModelReader(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, true);
        String out = run(List.of(java(), "--module-path", path(classes, libraries), "-m",
                "retention.consumer/consumer.Main"));
        assertTrue(out.contains("module path: named module retention.consumer"), out);
        assertReadersFound(out);
    }

    @Test
    void consumer_onTheClassPath_findsEveryModelReader(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, false);
        String out = run(List.of(java(), "-cp", path(classes, libraries), "consumer.Main"));
        assertTrue(out.contains("class path: unnamed module"), out);
        assertReadersFound(out);
    }

    @Test
    void consumer_linksWithJlinkAndRunsFromTheImage(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, true);
        Path image = dir.resolve("image");
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status;
        try (PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            status = jlink.run(ps, ps, "--module-path", path(classes, libraries), "--add-modules",
                    "retention.consumer,org.slf4j.simple", "--no-header-files", "--no-man-pages", "--output",
                    image.toString());
        }
        String message = log.toString(StandardCharsets.UTF_8);
        assumeTrue(status == 0 || !message.contains("java.base"),
                "this JDK cannot link its own modules (no jmods): " + message);
        assertEquals(0, status, message);
        String out = run(List.of(image.resolve("bin").resolve("java").toString(), "-m",
                "retention.consumer/consumer.Main"));
        assertTrue(out.contains("module path: named module retention.consumer"), out);
        assertReadersFound(out);
    }

    /** One model type of each library module: every module's reader must have been found. */
    private static final List<String> ONE_TYPE_PER_MODULE = List.of("rfm", "kmeans", "recsys-knn",
            "logistic-regression", "bgnbd", "uplift");

    private static void assertReadersFound(String out) {
        String line = out.lines().filter(l -> l.startsWith("readable model types: [")).findFirst().orElse("");
        for (String type : ONE_TYPE_PER_MODULE) {
            assertTrue(line.contains(type), "no reader of '" + type + "' was found: " + out);
        }
        assertTrue(out.contains("slf4j provider: org.slf4j.simple"), out);
    }

    /** Writes and compiles the consumer, as a module or as plain classes. */
    private static Path compile(Path dir, boolean module) throws IOException {
        Path src = dir.resolve("src");
        Path main = src.resolve("consumer").resolve("Main.java");
        Files.createDirectories(main.getParent());
        Files.writeString(main, """
                package consumer;

                import dev.retention.model.Models;

                public final class Main {
                    public static void main(String[] args) {
                        Module m = Main.class.getModule();
                        System.out.println((m.isNamed() ? "module path: named module " + m.getName()
                                : "class path: unnamed module"));
                        System.out.println("readable model types: " + Models.readableTypes());
                        System.out.println("slf4j provider: " + org.slf4j.LoggerFactory.getILoggerFactory()
                                .getClass().getPackageName());
                    }
                }
                """);
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "--release", "17"));
        if (module) {
            Files.writeString(src.resolve("module-info.java"), """
                    module retention.consumer {
                        requires dev.retention.core;
                        requires dev.retention.cluster;
                        requires dev.retention.recsys;
                        requires dev.retention.churn;
                        requires dev.retention.lifetime;
                        requires dev.retention.experiment;
                        requires org.slf4j;
                    }
                    """);
            args.addAll(List.of("--module-path", path(null, libraries), src.resolve("module-info.java").toString()));
        } else {
            args.addAll(List.of("-cp", path(null, libraries)));
        }
        args.add(main.toString());
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status;
        try (PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            status = javac.run(ps, ps, args.toArray(String[]::new));
        }
        assertEquals(0, status, log.toString(StandardCharsets.UTF_8));
        assertEquals("", log.toString(StandardCharsets.UTF_8), "javac warned");
        return dir.resolve("classes");
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + "\n" + out);
        assertTrue(!out.contains("No SLF4J providers"), out);
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String path(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        all.addAll(rest);
        return all.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
