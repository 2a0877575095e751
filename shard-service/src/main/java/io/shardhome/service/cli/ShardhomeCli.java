package io.shardhome.service.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code shardhome} command line. Exit codes: 0 ok, 1 user error (bad input, bad arguments), 2
 * server or I/O error.
 */
@Command(
        name = "shardhome",
        mixinStandardHelpOptions = true,
        // --help and --version on every command and subcommand, not only on 'shardhome' itself.
        scope = CommandLine.ScopeType.INHERIT,
        version = "shardhome 0.1.0",
        description = "Control plane for system-of-record multi-master MySQL.",
        subcommands = {
            ValidateCommand.class,
            DiffCommand.class,
            ServeCommand.class,
            ShardCommand.class,
            LookupCommand.class,
            LinkCommand.class,
            MoveCommand.class,
            CheckCommand.class,
            GrantsCommand.class,
            SiteCommand.class,
            DemoElsewhereCommand.class
        })
public final class ShardhomeCli implements Runnable {
    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int SERVER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /**
     * The command line, writing to {@code out} and {@code err}, with this class's exit codes for errors.
     *
     * @param replacements commands that replace the subcommands of the same name (the demo jar's {@code
     *     demo}), configured like the others
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Object... replacements) {
        CommandLine cli = new CommandLine(new ShardhomeCli());
        for (Object command : replacements) {
            CommandLine replacement = new CommandLine(command);
            cli.getCommandSpec().removeSubcommand(replacement.getCommandName());
            cli.addSubcommand(replacement);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("shardhome: " + e.getMessage());
            return e instanceof CliFailure failure ? failure.exitCode() : SERVER_ERROR;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            e.getCommandLine().getErr().println("shardhome: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return USER_ERROR;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
