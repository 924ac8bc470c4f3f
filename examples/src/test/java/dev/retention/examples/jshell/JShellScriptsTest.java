package dev.retention.examples.jshell;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every JShell script of {@code examples/jshell} through the {@code jdk.jshell} API, as a user would type it
 * after {@code setup.jsh}, and compares what it prints with {@code NAME.expected} (exactly, after normalising line
 * endings). A snippet that does not compile or throws fails the test with its line; a different output fails it
 * with a line diff.
 *
 * <p>One JShell with the test class path serves all scripts: {@code setup.jsh} is evaluated once, and after each
 * script every snippet it added is dropped, so that no script can use another's variables. It executes in this JVM
 * (the {@code local} engine: a remote JVM answers each snippet about twice as slowly), so the scripts' output is
 * captured by pointing {@code System.out} at a buffer while they run, in the {@code en_US} locale and UTC, as CI
 * runs them. After an intended change of the output, rewrite the expected files with {@code -Djshell.update=true}
 * and review the diff.
 */
class JShellScriptsTest {

    private static final Path SCRIPTS = Path.of(System.getProperty("basedir", "."), "jshell");
    private static final String SETUP = "setup.jsh";
    private static final boolean UPDATE = Boolean.getBoolean("jshell.update");

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();
    private static JShell shell;
    private static Set<Snippet> setup;

    @BeforeAll
    static void startJShell() throws IOException {
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        run(SETUP);
        assertEquals("", output(), "setup.jsh printed");
        setup = new HashSet<>(shell.snippets().collect(Collectors.toList()));
    }

    @AfterAll
    static void closeJShell() {
        if (shell != null) {
            shell.close();
        }
    }

    /** Every script but the setup, by name. */
    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsh") && !n.equals(SETUP))
                    .sorted().collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script_printsItsExpectedOutput(String script) throws IOException {
        OUT.reset();
        ERR.reset();
        try {
            run(script);
        } finally {
            shell.snippets().filter(s -> !setup.contains(s)).forEach(shell::drop);
        }
        String actual = output();
        Path expectedFile = SCRIPTS.resolve(script.replace(".jsh", ".expected"));
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expectedFile)) {
            fail(expectedFile + " is missing; run with -Djshell.update=true to write it. The script printed:\n"
                    + actual);
        }
        String expected = normalise(Files.readString(expectedFile, StandardCharsets.UTF_8));
        if (!expected.equals(actual)) {
            fail(script + " printed something else than " + expectedFile.getFileName() + " (- expected, + printed):\n"
                    + LineDiff.of(expected, actual) + stderr());
        }
    }

    @Test
    void everyExpectedOutputHasItsScript() throws IOException {
        List<String> scripts = scripts().collect(Collectors.toList());
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            List<String> orphans = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
                    .filter(n -> !scripts.contains(n.replace(".expected", ".jsh"))).collect(Collectors.toList());
            assertEquals(List.of(), orphans, "expected outputs without a script");
        }
    }

    /**
     * Evaluates a script snippet by snippet, failing on the first that does not compile or throws, with
     * {@code System.out} and {@code System.err} going to {@link #OUT} and {@link #ERR}, in the {@code en_US} locale
     * and UTC; all three are restored after.
     */
    private static void run(String script) throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        System.setOut(new PrintStream(OUT, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(ERR, true, StandardCharsets.UTF_8));
        Locale.setDefault(Locale.US);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            evaluate(script);
        } finally {
            System.out.flush();
            System.setOut(out);
            System.setErr(err);
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static void evaluate(String script) throws IOException {
        String text = Files.readString(SCRIPTS.resolve(script), StandardCharsets.UTF_8);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = text;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                return;
            }
            int line = lineOf(text, text.length() - rest.length());
            if (!info.completeness().isComplete()) {
                fail(script + ":" + line + ": incomplete snippet at the end of the script: " + rest.strip());
            }
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.causeSnippet() != null) {
                    continue;   // a consequence of this snippet for an earlier one, such as a redefinition
                }
                if (e.status() != Snippet.Status.VALID) {
                    fail(script + ":" + line + ": does not compile: " + info.source().strip() + "\n"
                            + diagnostics(e.snippet()) + stderr());
                }
                if (e.exception() != null) {
                    fail(script + ":" + line + ": threw " + describe(e.exception()) + ": " + info.source().strip()
                            + stderr());
                }
            }
            rest = info.remaining();
        }
    }

    private static String diagnostics(Snippet s) {
        return shell.diagnostics(s).map(d -> "  " + d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
    }

    private static String describe(Exception e) {
        String type = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        return type + ": " + e.getMessage();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    private static String output() {
        return normalise(OUT.toString(StandardCharsets.UTF_8));
    }

    private static String stderr() {
        String err = ERR.toString(StandardCharsets.UTF_8);
        return err.isEmpty() ? "" : "\nstderr:\n" + err;
    }

    private static String normalise(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A line diff from the longest common subsequence of lines, with two lines of context around each change. */
    static final class LineDiff {

        private static final int CONTEXT = 2;

        private LineDiff() {
        }

        static String of(String expected, String actual) {
            String[] a = expected.split("\n", -1);
            String[] b = actual.split("\n", -1);
            int[][] lcs = new int[a.length + 1][b.length + 1];
            for (int i = a.length - 1; i >= 0; i--) {
                for (int j = b.length - 1; j >= 0; j--) {
                    lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            List<String> lines = new ArrayList<>();   // "  ", "- " or "+ " then the line
            int i = 0;
            int j = 0;
            while (i < a.length || j < b.length) {
                if (i < a.length && j < b.length && a[i].equals(b[j])) {
                    lines.add("  " + a[i++]);
                    j++;
                } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    lines.add("- " + a[i++]);
                } else {
                    lines.add("+ " + b[j++]);
                }
            }
            StringBuilder sb = new StringBuilder();
            int shownTo = -1;
            for (int k = 0; k < lines.size(); k++) {
                if (lines.get(k).startsWith("  ")) {
                    continue;
                }
                int from = Math.max(shownTo + 1, k - CONTEXT);
                if (shownTo >= 0 && from > shownTo + 1) {
                    sb.append("...\n");
                }
                int to = Math.min(lines.size() - 1, k + CONTEXT);
                for (int m = from; m <= to; m++) {
                    sb.append(lines.get(m)).append('\n');
                }
                shownTo = Math.max(shownTo, to);
            }
            return sb.toString();
        }
    }
}
