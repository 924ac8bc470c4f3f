package dev.retention.cli;

import dev.retention.model.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The {@code retention} command line. Each command prints a readable table, or with {@code --json}
 * exactly one JSON object on stdout. Exit status 0 on success, 2 on bad arguments (including a
 * missing input file), 1 on bad data or any other failure, always with one line on stderr that says
 * what went wrong and where. Logging goes to stderr at WARN; {@code --verbose} anywhere on the line
 * turns on INFO.
 */
@Command(name = "retention", mixinStandardHelpOptions = true, versionProvider = RetentionCli.Version.class,
        description = "Customer-retention analytics for a shop's orders.",
        subcommands = {DemoCommand.class, RfmCommand.class,
                ClusterCommand.class,
                RecsysCommand.class,
                ChurnCommand.class,
                ClvCommand.class,
                ExperimentCommand.class,
                UpliftCommand.class,
                PlaybookCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class RetentionCli {

    /** Exit status for bad arguments. */
    static final int BAD_ARGUMENTS = 2;
    /** Exit status for bad data or another failure. */
    static final int FAILED = 1;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log progress (INFO) to stderr.")
    boolean verbose;

    private RetentionCli() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose")) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            }
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line with the given streams; returns the exit status. For tests and embedding.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new RetentionCli());
        // picocli's own converters would print the JDK's exception class names ("DateTimeParseException",
        // "StringIndexOutOfBoundsException"); these say what is expected
        cli.registerConverter(LocalDate.class, RetentionCli::date);
        cli.registerConverter(Character.class, RetentionCli::character);
        cli.registerConverter(char.class, RetentionCli::character);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((e, a) -> {
            String path = e.getCommandLine().getCommandSpec().qualifiedName();   // e.g. "retention churn eval"
            errWriter.println(path + ": " + e.getMessage() + " (see '" + path + " --help')");
            return BAD_ARGUMENTS;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = commandLine.getCommandSpec().qualifiedName();
            if (e instanceof CommandLine.ParameterException pe) {
                errWriter.println(command + ": " + pe.getMessage() + " (see '" + command + " --help')");
                return BAD_ARGUMENTS;
            }
            if (e instanceof OrderSource.MissingInputException) {
                errWriter.println(command + ": " + e.getMessage());
                return BAD_ARGUMENTS;
            }
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            errWriter.println(command + ": " + message.replace('\n', ' '));
            return FAILED;
        });
        return cli.execute(args);
    }

    /** Parses a date option: ISO {@code YYYY-MM-DD}, a real calendar day. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null
                    ? " (" + e.getCause().getMessage() + ")" : "";
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date of the form YYYY-MM-DD" + why);
        }
    }

    /** Parses a single-character option such as a separator; {@code \t} and the word {@code tab} mean a tab. */
    static Character character(String text) {
        if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new CommandLine.TypeConversionException("expected exactly one character, got '" + text + "' ("
                    + text.length() + " characters)");
        }
        return text.charAt(0);
    }

    /** The library version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"retention " + ModelFile.libraryVersion()};
        }
    }
}
