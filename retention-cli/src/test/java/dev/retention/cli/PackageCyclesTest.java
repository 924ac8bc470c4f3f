package dev.retention.cli;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No package cycle among the library's packages: {@code jdeps -verbose:package} (through {@link ToolProvider})
 * lists the package dependencies of every {@code dev.retention.*} module on this test's class path (the command
 * line depends on all of them, so every library module is here, found by name, not listed), and of the command
 * line's own classes; the strongly connected components of that graph (Tarjan) must all be single packages. The
 * same command by hand is in docs/architecture.md, "Build checks".
 */
class PackageCyclesTest {

    private static final Pattern EDGE =
            Pattern.compile("^\\s+(dev\\.retention(?:\\.\\S+)?)\\s+->\\s+(dev\\.retention(?:\\.\\S+)?)\\s+\\S+.*$");

    @Test
    void libraryAndCommandLine_haveNoPackageCycle() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
            if (!entry.isEmpty() && Files.exists(Path.of(entry))) {
                entries.add(Path.of(entry));
            }
        }
        Map<String, Set<String>> modules = new TreeMap<>();   // module -> its packages
        List<Path> commandLine = new ArrayList<>();
        for (Path entry : entries) {
            ModuleDescriptor module = module(entry);
            if (module != null && module.name().startsWith("dev.retention.")) {
                modules.put(module.name(), module.packages());
            } else if (Files.isDirectory(entry.resolve("dev/retention/cli"))) {
                commandLine.add(entry);   // target/classes: the command line is on the class path, no module
            }
        }
        assertTrue(modules.size() >= 5, "library modules on the class path: " + modules);
        assertFalse(commandLine.isEmpty(), "the command line's classes on " + entries);

        String modulePath = String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
        Map<String, Set<String>> graph = new TreeMap<>();
        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "-verbose:package", "-e",
                "dev\\.retention\\..*", "--module-path", modulePath, "--add-modules", String.join(",", modules.keySet())));
        for (Path dir : commandLine) {
            args.add(dir.toString());
        }
        String out = jdeps(args);
        for (String line : out.lines().toList()) {
            Matcher m = EDGE.matcher(line);
            if (m.matches()) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            }
        }
        for (Map.Entry<String, Set<String>> module : modules.entrySet()) {   // a filter matching nothing would pass
            assertTrue(module.getValue().stream().anyMatch(graph::containsKey),
                    module.getKey() + " missing from jdeps' output:\n" + out);
        }
        assertTrue(graph.containsKey("dev.retention.cli"), "the command line is missing from jdeps' output:\n" + out);
        assertTrue(graph.size() >= 40, graph.size() + " packages in jdeps' output:\n" + out);

        List<List<String>> cycles = cycles(graph);
        assertTrue(cycles.isEmpty(), "package cycles (each line: packages that reach each other):\n"
                + String.join("\n", cycles.stream().map(c -> describe(c, graph)).toList()));
    }

    @Test
    void cycles_findsEveryStronglyConnectedGroupOfPackages() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c", "d"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("e"));
        graph.put("e", Set.of("d"));
        graph.put("f", Set.of("a"));
        graph.put("g", Set.of("g"));
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d", "e"), List.of("g")), cycles(graph));
        assertEquals("a -> b -> c -> a", describe(List.of("a", "b", "c"), graph));
        assertEquals(List.of(), cycles(Map.of("x", Set.of("y"), "y", Set.of())));
    }

    /** The explicit module a class path entry holds, or {@code null} for a plain jar or directory. */
    private static ModuleDescriptor module(Path entry) {
        if (!Files.exists(entry.resolve("module-info.class")) && !entry.toString().endsWith(".jar")) {
            return null;
        }
        try {
            for (ModuleReference ref : ModuleFinder.of(entry).findAll()) {
                return ref.descriptor().isAutomatic() ? null : ref.descriptor();
            }
        } catch (RuntimeException e) {   // FindException: not usable as a module; not ours either
            return null;
        }
        return null;
    }

    private static String jdeps(List<String> args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in "
                + System.getProperty("java.home")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, status, "jdeps " + args + "\n" + out + err);
        return out.toString();
    }

    /**
     * The strongly connected components of more than one package, or of one package that depends on itself,
     * each sorted, in order of their first package (Tarjan 1972, iterative).
     */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> found = new ArrayList<>();
        for (String root : new TreeSet<>(graph.keySet())) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Frame> work = new ArrayDeque<>();
            work.push(new Frame(root, successors(graph, root).iterator()));
            index.put(root, index.size());
            low.put(root, index.get(root));
            stack.push(root);
            onStack.add(root);
            while (!work.isEmpty()) {
                Frame top = work.peek();
                String v = top.vertex;
                if (top.successors.hasNext()) {
                    String w = top.successors.next();
                    if (!index.containsKey(w)) {
                        index.put(w, index.size());
                        low.put(w, index.get(w));
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Frame(w, successors(graph, w).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().vertex;
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1 || successors(graph, v).contains(v)) {
                        component.sort(null);
                        found.add(component);
                    }
                }
            }
        }
        found.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return found;
    }

    private static Set<String> successors(Map<String, Set<String>> graph, String v) {
        return new TreeSet<>(graph.getOrDefault(v, Set.of()));
    }

    /** A shortest cycle through a component's first package, as {@code a -> b -> ... -> a} (breadth first). */
    static String describe(List<String> component, Map<String, Set<String>> graph) {
        Set<String> inside = new TreeSet<>(component);
        String start = component.get(0);
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String w : successors(graph, at)) {
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String p = at; !p.equals(start); p = cameFrom.get(p)) {
                        path.add(1, p);
                    }
                    path.add(start);
                    return String.join(" -> ", path);
                }
                if (inside.contains(w) && !cameFrom.containsKey(w)) {
                    cameFrom.put(w, at);
                    queue.add(w);
                }
            }
        }
        throw new AssertionError("not strongly connected: " + component);
    }

    /** A package on the depth-first path and the successors it has still to visit. */
    private static final class Frame {
        final String vertex;
        final Iterator<String> successors;

        Frame(String vertex, Iterator<String> successors) {
            this.vertex = vertex;
            this.successors = successors;
        }
    }
}
