package org.synapseworkbench.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A config being edited: the base it builds on (PyTC's defaults, or defaults plus a {@code --config-base} file),
 * the file it was opened from or saved to, and the current values. Immutable; every change returns a new document.
 *
 * @param baseFile the base YAML file, or null for PyTC's defaults alone
 * @param base defaults plus {@code baseFile}
 * @param file where the config was read from or last saved, or null for a new config
 * @param config the current values
 */
public record ConfigDocument(Path baseFile, Config base, Path file, Config config) {

    /** PyTC's defaults with no base file and no file. */
    public static ConfigDocument defaults() {
        Config d = Config.defaults();
        return new ConfigDocument(null, d, null, d);
    }

    /** Reads {@code file} (may be null) over {@code baseFile} (may be null) over the defaults, as PyTC does. */
    public static ConfigDocument open(Path baseFile, Path file) {
        Config base = ConfigLoader.merge(baseFile, null, List.of());
        Config config = file == null ? base : ConfigYaml.merge(base, file);
        return new ConfigDocument(baseFile, base, file, config);
    }

    /** The same values over another base: keys that differ from the old base keep their values, the rest follow. */
    public ConfigDocument withBase(Path newBaseFile) {
        Config newBase = ConfigLoader.merge(newBaseFile, null, List.of());
        Config c = newBase;
        for (var e : config.differenceFrom(base).entrySet()) {
            c = c.with(e.getKey(), e.getValue(), config.origin(e.getKey()));
        }
        return new ConfigDocument(newBaseFile, newBase, file, c);
    }

    /** The same values, remembered as read from or saved to {@code newFile} (null: not saved yet). */
    public ConfigDocument withFile(Path newFile) {
        return new ConfigDocument(baseFile, base, newFile, config);
    }

    /** With one value set (coerced to its type); throws {@link org.synapseworkbench.work.UserException} if it is wrong. */
    public ConfigDocument with(String key, Object value, String origin) {
        return new ConfigDocument(baseFile, base, file, config.with(key, value, origin));
    }

    /** With values read from YAML text over the base: the text says everything that differs from it. */
    public ConfigDocument withYaml(String yaml, String origin) {
        return new ConfigDocument(baseFile, base, file, ConfigYaml.mergeText(base, yaml, origin));
    }

    /** The YAML that {@link #save} writes: every key, or only those that differ from the base. */
    public String yaml(boolean onlyChanges) {
        return onlyChanges ? ConfigYaml.toYaml(config, base) : ConfigYaml.toYaml(config);
    }

    /** Writes {@link #yaml} to {@code target} atomically and returns the document with that file. */
    public ConfigDocument save(Path target, boolean onlyChanges) {
        ConfigYaml.save(yaml(onlyChanges), target);
        return new ConfigDocument(baseFile, base, target, config);
    }
}
