package org.synapseworkbench.workflow;

import java.util.ArrayList;
import java.util.List;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigValidator;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.train.TrainingSettings;
import org.synapseworkbench.work.UserException;

/**
 * Everything {@code train} and {@code infer} check in a config, asked before they start: the
 * {@link ConfigValidator}'s findings and then, when it found no error, the very reading of the config that training
 * ({@link TrainingSettings}) and prediction ({@link VolumeInference.Settings}) do. So a config that passes
 * {@code config --validate} or the form's list of problems is one that training and prediction accept.
 */
public final class ConfigCheck {
    private ConfigCheck() {
    }

    /** Every problem, errors and warnings. */
    public static List<ConfigValidator.Problem> problems(Config c) {
        List<ConfigValidator.Problem> out = new ArrayList<>(ConfigValidator.check(c));
        if (out.stream().anyMatch(p -> p.severity() == ConfigValidator.Severity.ERROR)) {
            return out;
        }
        try {
            TrainingSettings.fromConfig(c);
            VolumeInference.Settings.fromConfig(c);
        } catch (UserException e) {
            out.add(new ConfigValidator.Problem(ConfigValidator.Severity.ERROR, keyIn(c, e.getMessage()), e.getMessage()));
        }
        return out;
    }

    /** Only the errors. */
    public static List<ConfigValidator.Problem> errors(Config c) {
        return problems(c).stream().filter(p -> p.severity() == ConfigValidator.Severity.ERROR).toList();
    }

    /** The first config key a message names, or "" when it names none. */
    static String keyIn(Config c, String message) {
        String best = "";
        int at = Integer.MAX_VALUE;
        for (String key : c.values().keySet()) {
            int i = message.indexOf(key);
            if (i >= 0 && (i < at || i == at && key.length() > best.length())) {
                best = key;
                at = i;
            }
        }
        return best;
    }
}
