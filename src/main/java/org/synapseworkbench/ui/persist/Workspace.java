package org.synapseworkbench.ui.persist;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.synapseworkbench.work.AtomicFiles;

/**
 * What the window had open, so that the next start reopens it: the image, labels added by hand, the config (its base,
 * its file and its current values, saved or not) and the checkpoint chosen for prediction. Kept as a properties file,
 * written atomically.
 *
 * @param image the image as {@code FILE:DATASET}
 * @param labels labels added over it, each as {@code FILE:DATASET}
 * @param configBase the config's base file, or null
 * @param configFile the config's file, or null
 * @param configYaml the config's values as YAML over its base (what differs from it)
 * @param checkpoint the checkpoint for prediction, or empty
 */
public record Workspace(String image, List<String> labels, Path configBase, Path configFile, String configYaml, String checkpoint) {

    /** {@code ~/.synapse-workbench/workspace.properties}. */
    public static Path defaultFile() {
        return org.synapseworkbench.UserFolders.data().resolve("workspace.properties");
    }

    /** The workspace saved in {@code file}, or empty when there is none or it cannot be read. */
    public static Optional<Workspace> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a broken workspace starts afresh; it holds no data of its own
        }
        String image = p.getProperty("image", "");
        if (image.isBlank()) {
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; p.containsKey("labels." + i); i++) {
            labels.add(p.getProperty("labels." + i));
        }
        return Optional.of(new Workspace(image, labels, path(p.getProperty("config.base", "")),
                path(p.getProperty("config.file", "")), p.getProperty("config.yaml", ""), p.getProperty("checkpoint", "")));
    }

    private static Path path(String s) {
        return s.isBlank() ? null : Path.of(s);
    }

    /** Writes this workspace to {@code file} (through a temporary file), creating its folder. */
    public void save(Path file) {
        Properties p = new Properties();
        p.setProperty("image", image);
        for (int i = 0; i < labels.size(); i++) {
            p.setProperty("labels." + i, labels.get(i));
        }
        p.setProperty("config.base", configBase == null ? "" : configBase.toString());
        p.setProperty("config.file", configFile == null ? "" : configFile.toString());
        p.setProperty("config.yaml", configYaml);
        p.setProperty("checkpoint", checkpoint);
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Synapse Workbench: what was open; the workbench rewrites this file");
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
