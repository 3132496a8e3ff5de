package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigKey;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.config.ConfigValidator;
import org.synapseworkbench.config.ConfigYaml;
import org.synapseworkbench.workflow.ConfigCheck;

/** {@code config}: merge, print, validate and save configs the way PyTC's main.py reads them. */
@Command(name = "config", header = "Merge, validate and save configs as PyTC does; list the keys.", mixinStandardHelpOptions = true,
        description = {"Merge defaults <- --config-base <- --config-file <- KEY VALUE pairs (as PyTC's main.py),",
            "then print the result as YAML, check it, or save it."})
public final class ConfigCommand implements Callable<Integer> {
    @Option(names = "--config-base", paramLabel = "FILE", description = "Base YAML config (e.g. configs/CREMI/CREMI-Base.yaml).")
    Path base;

    @Option(names = "--config-file", paramLabel = "FILE", description = "YAML config merged over the base.")
    Path file;

    @Option(names = "--validate", description = "Only check the config: list every problem; exit code 1 if there are errors.")
    boolean validate;

    @Option(names = "--diff", description = "Print or save only the keys that differ from PyTC's defaults.")
    boolean diff;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save the merged config to FILE instead of printing it.")
    Path output;

    @Option(names = "--keys", description = "List every key with its type, default and description.")
    boolean keys;

    @Parameters(paramLabel = "KEY VALUE", arity = "0..*", description = "Overrides, e.g. SOLVER.BASE_LR 0.01 MODEL.FILTERS [16,32,48,64,80].")
    List<String> overrides = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (keys) {
            for (ConfigKey k : Config.defaults().schema().keys().values()) {
                out.printf(Locale.ROOT, "%-40s %-9s %-24s %s%n", k.name(), k.type().code(),
                        ConfigYaml.formatValue(k.defaultValue()), k.description());
            }
            return 0;
        }
        Config c = ConfigLoader.merge(base, file, overrides);
        List<ConfigValidator.Problem> problems = ConfigCheck.problems(c);
        if (validate) {
            long errors = problems.stream().filter(p -> p.severity() == ConfigValidator.Severity.ERROR).count();
            for (ConfigValidator.Problem p : problems) {
                out.println(p.severity().name().toLowerCase(Locale.ROOT) + ": " + p.message());
            }
            out.println(errors == 0 ? "The config is valid" + (problems.isEmpty() ? "." : " (with " + problems.size()
                    + " warning" + (problems.size() == 1 ? "" : "s") + ").") : errors + " error" + (errors == 1 ? "" : "s") + ".");
            return errors == 0 ? 0 : Main.NEGATIVE;
        }
        List<ConfigValidator.Problem> errors = problems.stream()
                .filter(p -> p.severity() == ConfigValidator.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            for (ConfigValidator.Problem p : errors) {
                err.println("error: " + p.message());
            }
            err.flush();
            return Main.USER_ERROR;
        }
        String yaml = diff ? ConfigYaml.toYaml(c, Config.defaults()) : ConfigYaml.toYaml(c);
        if (output != null) {
            ConfigYaml.save(yaml, output);
            out.println("Saved " + (diff ? "the differences to the defaults" : "the whole config") + " to " + output);
        } else {
            out.print(yaml);
        }
        return 0;
    }
}
