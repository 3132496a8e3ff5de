package org.synapseworkbench.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a merged config for values PyTC or the workbench cannot use: sizes that are negative or of the wrong
 * length, a FILTERS list that is not five long, OUT_PLANES that does not match the targets, unknown choices,
 * probabilities outside [0, 1]. Each problem is one sentence naming the key, where it was set and what to do.
 */
public final class ConfigValidator {
    /** How serious a problem is: errors stop training, warnings are shown. */
    public enum Severity { ERROR, WARNING }

    /** One finding. */
    public record Problem(Severity severity, String key, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    /** Keys whose value is one of a fixed set of words, with those words in the order a form offers them. */
    private static final Map<String, List<String>> CHOICES = choices(
            "MODEL.ARCHITECTURE", List.of("unet_3d", "unet_plus_3d", "unet_2d", "unet_plus_2d", "fpn_3d", "deeplabv3a",
                    "deeplabv3b", "deeplabv3c", "unetr", "swinunetr"),
            "MODEL.BLOCK_TYPE", List.of("residual", "residual_se", "residual_pa", "residual_se_pa"),
            "MODEL.NORM_MODE", List.of("bn", "sync_bn", "gn", "in", "none"),
            "MODEL.ACT_MODE", List.of("elu", "relu", "leaky_relu", "gelu", "swish", "efficient_swish", "none"),
            "MODEL.PAD_MODE", List.of("replicate", "zeros", "reflect", "circular"),
            "SOLVER.NAME", List.of("SGD", "Adam", "AdamW"),
            "SOLVER.LR_SCHEDULER_NAME", List.of("MultiStepLR", "WarmupMultiStepLR", "WarmupCosineLR"),
            "INFERENCE.AUG_MODE", List.of("mean", "min", "max"),
            "INFERENCE.BLENDING", List.of("gaussian", "bump"));

    private static Map<String, List<String>> choices(Object... keysAndWords) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndWords.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> words = (List<String>) keysAndWords[i + 1];
            m.put((String) keysAndWords[i], words);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The words a key may take, or an empty list when the key is not a choice. */
    public static List<String> choices(String key) {
        return CHOICES.getOrDefault(key, List.of());
    }

    private final Config c;
    private final List<Problem> problems = new ArrayList<>();

    private ConfigValidator(Config c) {
        this.c = c;
    }

    /** Every problem of the config, errors and warnings, in key order. */
    public static List<Problem> check(Config c) {
        ConfigValidator v = new ConfigValidator(c);
        v.run();
        return v.problems;
    }

    /** Only the errors. */
    public static List<Problem> errors(Config c) {
        return check(c).stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** Keys that training or prediction read and that have no meaning as None. */
    private static final List<String> REQUIRED = List.of("MODEL.ARCHITECTURE", "MODEL.BLOCK_TYPE", "MODEL.NORM_MODE",
            "MODEL.ACT_MODE", "MODEL.PAD_MODE", "MODEL.ISOTROPY", "MODEL.INPUT_SIZE", "MODEL.LOSS_OPTION", "SOLVER.NAME",
            "SOLVER.LR_SCHEDULER_NAME", "SOLVER.WARMUP_METHOD", "SOLVER.BETAS", "DATASET.PAD_SIZE", "INFERENCE.STRIDE",
            "INFERENCE.AUG_MODE");

    private void run() {
        for (String k : REQUIRED) {
            if (c.get(k) == null) {
                error(k, "is None but training and prediction need a value (PyTC's default is "
                        + ConfigYaml.formatValue(Config.defaults().get(k)) + ")");
            }
        }
        for (Map.Entry<String, Object> e : c.values().entrySet()) {
            if (!finite(e.getValue())) {
                error(e.getKey(), "is " + ConfigYaml.formatValue(e.getValue()) + " but must hold finite numbers only");
            }
        }
        for (String k : List.of("MODEL.INPUT_SIZE", "MODEL.OUTPUT_SIZE", "INFERENCE.INPUT_SIZE", "INFERENCE.OUTPUT_SIZE",
                "INFERENCE.STRIDE")) {
            size(k, 1);
        }
        for (String k : List.of("DATASET.PAD_SIZE", "INFERENCE.PAD_SIZE", "DATASET.VAL_PAD_SIZE")) {
            size(k, 0);
        }
        filters();
        targets();
        CHOICES.forEach(this::choice);
        Object augNum = c.get("INFERENCE.AUG_NUM");
        if (augNum != null && !Set.of(0, 1, 4, 8, 16).contains(augNum)) {
            error("INFERENCE.AUG_NUM", "is " + augNum + " but test-time augmentation takes None, 4, 8 or 16 views");
        }
        atLeast("MODEL.IN_PLANES", 1);
        atLeast("MODEL.OUT_PLANES", 1);
        atLeast("SOLVER.ITERATION_TOTAL", 1);
        atLeast("SOLVER.ITERATION_SAVE", 1);
        atLeast("SOLVER.ITERATION_STEP", 1);
        atLeast("SOLVER.SAMPLES_PER_BATCH", 1);
        atLeast("SOLVER.WARMUP_ITERS", 0);
        atLeast("INFERENCE.SAMPLES_PER_BATCH", 1);
        atLeast("SYSTEM.NUM_GPUS", 0);
        atLeast("SYSTEM.NUM_CPUS", 0);
        atLeast("DATASET.REJECT_SAMPLING.NUM_TRIAL", 1);
        positive("SOLVER.BASE_LR");
        positive("DATASET.STD");
        range("SOLVER.MOMENTUM", 0, 1);
        range("SOLVER.GAMMA", 0, 1);
        nonNegative("SOLVER.WEIGHT_DECAY");
        range("DATASET.REJECT_SAMPLING.P", 0, 1);
        for (String k : c.values().keySet()) {
            if (k.startsWith("AUGMENTOR.") && k.endsWith(".P")) {
                range(k, 0, 1);
            }
        }
        int images = c.getPaths("DATASET.IMAGE_NAME").size();
        int labels = c.getPaths("DATASET.LABEL_NAME").size();
        if (images > 0 && labels > 0 && images != labels) {
            error("DATASET.LABEL_NAME", "names " + labels + " label volumes for " + images + " images in DATASET.IMAGE_NAME; "
                    + "give one label per image");
        }
    }

    private void size(String key, int min) {
        List<Integer> v = c.getIntList(key);
        if (v == null) {
            return;
        }
        int want = c.get("DATASET.DO_2D") == Boolean.TRUE ? 2 : 3;
        if (v.size() != 3 && v.size() != want) {
            error(key, "has " + v.size() + " entries " + v + " but needs 3 (z, y, x)");
            return;
        }
        for (int s : v) {
            if (s < min) {
                error(key, "has " + s + " in " + v + " but every entry must be " + (min == 0 ? "0 or more" : "at least " + min));
                return;
            }
        }
    }

    private void filters() {
        List<Integer> f = c.getIntList("MODEL.FILTERS");
        if (f == null) {
            error("MODEL.FILTERS", "is None but the U-Net needs five channel counts, e.g. [28, 36, 48, 64, 80]");
            return;
        }
        if (f.size() != 5) {
            error("MODEL.FILTERS", "has " + f.size() + " entries " + f + " but the U-Net has five levels, so give five "
                    + "channel counts");
        }
        for (int v : f) {
            if (v < 1) {
                error("MODEL.FILTERS", "has " + v + " in " + f + " but every level needs at least one channel");
                break;
            }
        }
        Object iso = c.get("MODEL.ISOTROPY");
        if (iso instanceof List<?> l && l.size() != f.size()) {
            error("MODEL.ISOTROPY", "has " + l.size() + " entries but MODEL.FILTERS has " + f.size() + "; give one per level");
        }
        Object norm = c.get("MODEL.NORM_MODE");
        if ("gn".equals(norm)) {
            for (int v : f) {
                if (v % 8 != 0) {
                    error("MODEL.FILTERS", "has " + v + " channels, which group norm (NORM_MODE gn, 8 groups) cannot "
                            + "split; use multiples of 8");
                    break;
                }
            }
        }
    }

    private void targets() {
        List<String> targets = c.getStringList("MODEL.TARGET_OPT");
        if (targets == null || targets.isEmpty()) {
            error("MODEL.TARGET_OPT", "is empty; give at least one target such as ['0']");
            return;
        }
        int channels = 0;
        boolean known = true;
        for (String t : targets) {
            Integer n = TargetOption.channels(t);
            if (n == null) {
                known = false;
            } else {
                channels += n;
            }
        }
        Object out = c.get("MODEL.OUT_PLANES");
        if (known && out instanceof Integer planes && planes != channels) {
            error("MODEL.OUT_PLANES", "is " + planes + " but TARGET_OPT " + ConfigYaml.formatValue(targets) + " needs "
                    + channels + " output channel" + (channels == 1 ? "" : "s") + "; set OUT_PLANES to " + channels);
        }
        List<List<?>> losses = lists("MODEL.LOSS_OPTION");
        for (String k : List.of("MODEL.LOSS_OPTION", "MODEL.LOSS_WEIGHT", "MODEL.WEIGHT_OPT", "MODEL.OUTPUT_ACT")) {
            List<List<?>> l = lists(k);
            if (l == null) {
                continue;
            }
            if (l.size() != targets.size()) {
                Severity s = k.equals("MODEL.OUTPUT_ACT") ? Severity.WARNING : Severity.ERROR;
                add(s, k, "has " + l.size() + " entr" + (l.size() == 1 ? "y" : "ies") + " but TARGET_OPT has "
                        + targets.size() + " target" + (targets.size() == 1 ? "" : "s") + "; give one list per target");
                continue;
            }
            if (losses == null || k.equals("MODEL.LOSS_OPTION")) {
                continue;
            }
            for (int i = 0; i < l.size() && i < losses.size(); i++) {
                if (l.get(i).size() != losses.get(i).size()) {
                    Severity s = k.equals("MODEL.OUTPUT_ACT") ? Severity.WARNING : Severity.ERROR;
                    String tail = s == Severity.WARNING ? "; the missing ones are taken as 'none'"
                            : "; give one per loss";
                    add(s, k, "has " + l.get(i).size() + " entries for target " + i + " but LOSS_OPTION has "
                            + losses.get(i).size() + " losses" + tail);
                }
            }
        }
    }

    /** False for NaN or an infinity, also inside (nested) lists. */
    private static boolean finite(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d);
        }
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!finite(o)) {
                    return false;
                }
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private List<List<?>> lists(String key) {
        Object v = c.get(key);
        if (!(v instanceof List<?> l)) {
            return null;
        }
        return (List<List<?>>) (List<?>) l;
    }

    private void choice(String key, List<String> allowed) {
        Object v = c.get(key);
        if (v != null && !allowed.contains(v)) {
            error(key, "is '" + v + "' but must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }

    private void atLeast(String key, int min) {
        Object v = c.get(key);
        if (v instanceof Integer i && i < min) {
            error(key, "is " + i + " but must be at least " + min);
        }
    }

    private void positive(String key) {
        Object v = c.get(key);
        if (v instanceof Double d && !(d > 0)) {
            error(key, "is " + ConfigYaml.formatValue(d) + " but must be greater than 0");
        }
    }

    private void nonNegative(String key) {
        Object v = c.get(key);
        if (v instanceof Double d && d < 0) {
            error(key, "is " + ConfigYaml.formatValue(d) + " but must be 0 or more");
        }
    }

    private void range(String key, double lo, double hi) {
        Object v = c.get(key);
        if (v instanceof Double d && (d < lo || d > hi)) {
            error(key, "is " + ConfigYaml.formatValue(d) + " but must lie between " + lo + " and " + hi);
        }
    }

    private void error(String key, String what) {
        add(Severity.ERROR, key, what);
    }

    private void add(Severity s, String key, String what) {
        String origin = c.origin(key);
        String where = Config.DEFAULTS.equals(origin) ? "" : origin + ": ";
        String msg = where + key + " " + what + (what.contains(";") ? "." : "; fix it in the config or override it on the "
                + "command line.");
        problems.add(new Problem(s, key, msg));
    }
}
