package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import org.synapseworkbench.bench.BenchmarkCommand;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.work.UserException;

/**
 * The {@code synapse-workbench} program's commands for headless work. Without a command it runs the demo on the
 * built-in sample; {@code app.Launcher} opens the window instead where there is a display.
 */
@Command(name = "synapse-workbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Find, train on and proofread synapses in electron-microscopy volumes.%n"
                + "Without a command: the workbench window where there is a display, else the demo on the built-in sample.",
        subcommands = {DemoCommand.class, GenerateCommand.class, InfoCommand.class, ConfigCommand.class, TrainCommand.class,
            InferCommand.class, PredictBlocksCommand.class, PostprocessCommand.class, InstancesBlocksCommand.class, EvaluateCommand.class, EvaluateBlocksCommand.class, ConvertCommand.class, BenchmarkCommand.class,
            DoctorCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nThe window:%n",
        footer = {"  " + Main.WINDOW_USAGE, Main.WINDOW_HELP},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:done, with a negative answer: 'config --validate' found errors, or 'train' stopped because the loss became "
                + "NaN or infinite (the line starts with 'error:' and names the last good checkpoint), or 'doctor' could not "
                + "load libtorch",
            "2:a problem with the input that you can fix: one line starting with 'error:' names it and the way out",
            "3:an internal error of the program (set SYNAPSE_DEBUG=1 for its trace, and please report it)",
            "130:stopped by Ctrl-C ('train' first writes a checkpoint; 'infer' keeps the files it completed)"})
public final class Main implements Callable<Integer> {
    /** How the window is started (by {@code app.Launcher}, which takes the {@code workbench} command before picocli). */
    public static final String WINDOW_USAGE = "workbench [VOLUME] [--workspace=FILE] [--sample=FILE]";
    public static final String WINDOW_HELP = "      The desktop workbench on an image (FILE.h5[:DATASET], STORE.zarr[/ARRAY],\n"
            + "      STORE.n5[/DATASET]); without one, the workspace saved at the last close\n"
            + "      (--workspace, default ~/.synapse-workbench/workspace.properties),\n"
            + "      else the built-in sample (--sample), made on first start.";
    /** Exit code of a command that ran to its end but answers no: invalid config, diverged training. */
    public static final int NEGATIVE = 1;
    /** Exit code for errors the user can fix (bad path, bad config). */
    public static final int USER_ERROR = 2;
    /** Exit code for a failure of the program itself. */
    public static final int INTERNAL_ERROR = 3;
    /** Exit code of a command stopped by Ctrl-C (SIGINT), as shells report it. */
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return new CommandLine(new DemoCommand()).setOut(spec.commandLine().getOut()).setErr(spec.commandLine().getErr())
                .execute();
    }

    /** Runs the program with the given output streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        args = pytcForm(args);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, commandLine.getErr()));
        cl.setParameterExceptionHandler((e, args1) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("error: " + e.getMessage());
            w.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            w.flush();
            return USER_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Whether the command only predicts ({@code infer}, {@code benchmark infer}, {@code benchmark learning}), so that
     * the process may use the inference-only convolution kernels (see {@link TorchEngine}).
     */
    public static boolean predictsOnly(String[] args) {
        if (args.length > 0 && args[0].equals("infer")) {
            return true;
        }
        return args.length > 1 && args[0].equals("benchmark") && (args[1].equals("infer") || args[1].equals("learning"));
    }

    /**
     * PyTC's own command line, {@code main.py --config-base B --config-file F [--inference] [--checkpoint C] [KEY VALUE]},
     * becomes {@code train ...} or, with {@code --inference}, {@code infer ...}.
     */
    public static String[] pytcForm(String[] args) {
        if (args.length == 0 || !args[0].startsWith("--config-") && !args[0].equals("--inference")
                && !args[0].startsWith("--checkpoint")) {
            return args;
        }
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.Arrays.asList(args));
        boolean inference = rest.remove("--inference");
        rest.add(0, inference ? "infer" : "train");
        return rest.toArray(new String[0]);
    }

    /** One clear line for a user's mistake; a short line (and the trace only with SYNAPSE_DEBUG=1) otherwise. */
    static int report(Exception e, PrintWriter err) {
        Throwable t = e;
        while (!(t instanceof UserException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        boolean debug = "1".equals(System.getenv("SYNAPSE_DEBUG")) || Boolean.getBoolean("synapseworkbench.debug");
        if (t instanceof UserException u) {
            err.println("error: " + u.getMessage());
            if (debug) {
                u.printStackTrace(err);
            }
            err.flush();
            return USER_ERROR;
        }
        String full = diskFull(e);
        if (full != null) {
            err.println("error: " + full);
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return USER_ERROR;
        }
        err.println("internal error: " + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "")
                + " (please report it; set SYNAPSE_DEBUG=1 for details)");
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /**
     * The sentence for a write that failed because the disk (or the user's quota) is full, or null when {@code e} is
     * no such failure. Files are written through temporaries, so the file named is as it was before.
     */
    static String diskFull(Throwable e) {
        String reason = null;
        String file = "";
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t instanceof java.nio.file.FileSystemException f ? f.getReason() : t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                reason = m.strip(); // the innermost cause says it most plainly
                file = t instanceof java.nio.file.FileSystemException f && f.getFile() != null ? " " + f.getFile() : file;
            }
        }
        return reason == null ? null : "The disk is full: a file" + file + " could not be written (" + reason + "); files "
                + "already there are intact. Free some space (or write to another disk) and run the command again.";
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Synapse Workbench " + (v != null ? v : "(development build)")};
        }
    }
}
