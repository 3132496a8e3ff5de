package org.synapseworkbench.config;

import java.nio.file.Path;
import java.util.List;

import org.synapseworkbench.work.UserException;

/**
 * Builds a config the way PyTC's main.py does: defaults, then {@code --config-base}, then {@code --config-file},
 * then trailing {@code KEY VALUE} pairs whose values are Python literals (or plain strings).
 */
public final class ConfigLoader {
    /** Origin name of values set by {@code KEY VALUE} pairs. */
    public static final String COMMAND_LINE = "command line";

    private ConfigLoader() {
    }

    /** Merges without validating; either file may be null. */
    public static Config merge(Path base, Path file, List<String> overrides) {
        Config c = Config.defaults();
        if (base != null) {
            c = ConfigYaml.merge(c, base);
        }
        if (file != null) {
            c = ConfigYaml.merge(c, file);
        }
        return applyOverrides(c, overrides);
    }

    /** Merges and fails on the first error {@link ConfigValidator} finds. */
    public static Config load(Path base, Path file, List<String> overrides) {
        Config c = merge(base, file, overrides);
        List<ConfigValidator.Problem> errors = ConfigValidator.errors(c);
        if (!errors.isEmpty()) {
            String more = errors.size() > 1 ? " (" + (errors.size() - 1) + " more problem" + (errors.size() > 2 ? "s" : "")
                    + ": run 'config --validate' to see all)" : "";
            throw new UserException(errors.get(0).message() + more);
        }
        return c;
    }

    /** Applies {@code KEY VALUE} pairs, as PyTC's {@code merge_from_list}. */
    public static Config applyOverrides(Config c, List<String> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return c;
        }
        if (pairs.size() % 2 != 0) {
            throw new UserException("Command-line overrides come in KEY VALUE pairs, but '" + pairs.get(pairs.size() - 1)
                    + "' has no value; add one (e.g. SOLVER.BASE_LR 0.01).");
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            c = c.with(pairs.get(i), PyLiteral.parseOrString(pairs.get(i + 1)), COMMAND_LINE);
        }
        return c;
    }
}
