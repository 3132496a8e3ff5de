package org.synapseworkbench.model;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.synapseworkbench.work.UserException;

/**
 * Which libtorch the engine loads, checked before DJL loads it so that a wrong one is a sentence, not a crash. The
 * first of three that is there:
 * <ol>
 * <li>{@value #PATH_VARIABLE} (environment, else system property): the user's own libtorch, e.g. the
 * {@code torch/lib} folder of a pip-installed torch with CUDA. Its version must be the one DJL's JNI library was
 * built for ({@link #requiredVersion()}); its flavour ({@code cpu}, {@code cu128}) is read from
 * {@value #FLAVOR_VARIABLE} or from torch's {@code version.py}.</li>
 * <li>{@value #BUNDLED_PROPERTY}: the libtorch folder an installed program carries (set by its launcher; the CPU
 * build and the JNI library, so that nothing is unpacked or downloaded).</li>
 * <li>the pytorch-native jar on the class path (a source build), which DJL unpacks into its cache.</li>
 * </ol>
 * DJL reads the same variables from the environment first, then from system properties; {@link #apply} sets the
 * system properties for the choice when the environment leaves them open.
 */
public final class TorchNatives {
    public static final String PATH_VARIABLE = "PYTORCH_LIBRARY_PATH";
    public static final String VERSION_VARIABLE = "PYTORCH_VERSION";
    public static final String FLAVOR_VARIABLE = "PYTORCH_FLAVOR";
    /** The system property in which an installed program's launcher names the libtorch folder it carries. */
    public static final String BUNDLED_PROPERTY = "synapse.libtorch";
    /** The CUDA flavour whose JNI library comes with DJL's pytorch-jni jar (Linux x86-64 only). */
    public static final String CUDA_FLAVOR = "cu128";
    private static final String JNI_NAME = System.mapLibraryName("djl_torch");
    private static final Pattern TORCH_VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(?:\\+([a-z0-9]+))?");

    /** Where the libtorch comes from. */
    public enum Source {
        USER("PYTORCH_LIBRARY_PATH"),
        BUNDLED("the CPU libtorch installed with the program"),
        CLASS_PATH("the CPU libtorch in the program's libraries, unpacked into DJL's cache");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * The libtorch to load: its source, its folder (null for {@link Source#CLASS_PATH}, whose folder DJL chooses
     * in its cache), its version and flavour.
     */
    public record Choice(Source source, Path folder, String version, String flavor) {
        /** Whether it is a CUDA build. */
        public boolean cuda() {
            return flavor.startsWith("cu");
        }
    }

    private TorchNatives() {
    }

    /** The choice for this process: its environment and system properties, on this platform. */
    public static Choice choose() {
        return choose(System::getenv, System::getProperty, classifier());
    }

    /**
     * The choice for this environment and these properties, on a platform such as {@code linux-x86_64}; a
     * {@link UserException} naming the mismatch and the way out when the libtorch named cannot work.
     */
    static Choice choose(Function<String, String> env, Function<String, String> properties, String classifier) {
        String required = requiredVersion();
        String askedVersion = firstSet(env, properties, VERSION_VARIABLE);
        if (askedVersion != null && !askedVersion.equals(required)) {
            throw new UserException(VERSION_VARIABLE + " is " + askedVersion + ", but this program's engine works with libtorch "
                    + required + " only; set it to " + required + " or unset it.");
        }
        String askedFlavor = firstSet(env, properties, FLAVOR_VARIABLE);
        String userPath = firstSet(env, properties, PATH_VARIABLE);
        if (userPath != null) {
            return userLibrary(userPath, askedFlavor, required, classifier);
        }
        if (askedFlavor != null && !askedFlavor.startsWith("cpu")) {
            throw new UserException(FLAVOR_VARIABLE + " is " + askedFlavor + " but " + PATH_VARIABLE + " is not set, and the "
                    + "libtorch that comes with the program is a CPU build; set " + PATH_VARIABLE + " to a CUDA libtorch "
                    + "(docs/gpu.md) or unset " + FLAVOR_VARIABLE + ".");
        }
        String bundled = properties.apply(BUNDLED_PROPERTY);
        if (bundled != null) {
            Path folder = Path.of(bundled);
            if (!Files.isRegularFile(folder.resolve(torchLibrary()))) {
                throw new UserException("The libtorch folder of this installation, " + folder + ", has no " + torchLibrary()
                        + "; install the program again (or set " + PATH_VARIABLE + " to a libtorch " + required + " folder).");
            }
            return new Choice(Source.BUNDLED, folder, required, "cpu");
        }
        Properties nativeJar = resourceProperties("/native/lib/pytorch.properties");
        if (nativeJar == null) {
            throw new UserException("No libtorch found: this build carries none (no pytorch-native jar) and "
                    + PATH_VARIABLE + " is not set; set it to the folder of a libtorch " + required + " (see docs/gpu.md).");
        }
        String version = baseVersion(nativeJar.getProperty("version", required));
        return new Choice(Source.CLASS_PATH, null, version, nativeJar.getProperty("flavor", "cpu"));
    }

    private static Choice userLibrary(String value, String askedFlavor, String required, String classifier) {
        List<Path> parts = Stream.of(value.split(Pattern.quote(File.pathSeparator))).filter(p -> !p.isBlank()).map(Path::of)
                .toList();
        Path folder = parts.stream().filter(p -> Files.isRegularFile(p.resolve(torchLibrary()))).findFirst()
                .map(Path::toAbsolutePath).orElse(null);
        if (folder == null) {
            throw new UserException(PATH_VARIABLE + " is " + value + (parts.stream().anyMatch(Files::isDirectory)
                    ? ", which holds no " + torchLibrary() : ", which does not exist") + "; point it to the folder that holds "
                    + torchLibrary() + " (for a pip-installed torch: its torch" + File.separator + "lib folder), or unset it "
                    + "to use the CPU libtorch that comes with the program.");
        }
        StatedVersion found = statedVersion(folder);
        if (found != null && !baseVersion(found.version()).equals(required)) {
            throw new UserException(PATH_VARIABLE + " names libtorch " + found.version() + " (" + found.where() + "), but this program's "
                    + "engine works with libtorch " + required + " only; install torch " + required + " (docs/gpu.md) or unset "
                    + PATH_VARIABLE + " to use the CPU libtorch that comes with the program.");
        }
        boolean cudaInside = hasCudaLibraries(folder);
        String flavor = askedFlavor;
        if (flavor == null) {
            String suffix = found != null ? versionSuffix(found.version()) : null;
            flavor = suffix != null ? suffix : cudaInside ? null : "cpu";
        }
        if (flavor == null) {
            throw new UserException(folder + " holds a CUDA libtorch of unknown CUDA version; set " + FLAVOR_VARIABLE
                    + " to its flavour, e.g. " + CUDA_FLAVOR + " for CUDA 12.8.");
        }
        if (cudaInside && !flavor.startsWith("cu")) {
            throw new UserException(folder + " holds a CUDA libtorch but " + FLAVOR_VARIABLE + " is " + flavor + "; set it to the "
                    + "CUDA flavour of that build, e.g. " + CUDA_FLAVOR + ", or unset it.");
        }
        if (!cudaInside && flavor.startsWith("cu")) {
            throw new UserException(FLAVOR_VARIABLE + " is " + flavor + " but " + folder + " holds no CUDA libraries ("
                    + System.mapLibraryName("torch_cuda") + "); install torch with CUDA there, or set " + FLAVOR_VARIABLE + " to cpu.");
        }
        if (!jniAvailable(folder, classifier, flavor)) {
            throw new UserException("DJL's JNI library for libtorch " + required + " " + flavor + " on " + classifier
                    + " does not come with this program; download " + jniUrl(required, classifier, flavor) + " into " + folder
                    + " (once, as " + JNI_NAME + ").");
        }
        return new Choice(Source.USER, folder, required, flavor);
    }

    /**
     * Sets, as system properties, what DJL needs to load the choice and the environment does not say already:
     * the folder (for the bundled libtorch), the version and the flavour.
     */
    static void apply(Choice choice) {
        if (choice.source() == Source.CLASS_PATH) {
            return;
        }
        // DJL reads the environment first: where the user set one of these, the property has no effect
        if (choice.source() == Source.BUNDLED) {
            TorchEngine.setIfAbsent(PATH_VARIABLE, choice.folder().toString());
        }
        TorchEngine.setIfAbsent(VERSION_VARIABLE, choice.version());
        TorchEngine.setIfAbsent(FLAVOR_VARIABLE, choice.flavor());
    }

    /** The libtorch version DJL's JNI library on the class path was built for, e.g. {@code 2.7.1}. */
    public static String requiredVersion() {
        Properties jni = resourceProperties("/jnilib/pytorch.properties");
        String value = jni != null ? jni.getProperty("jni_version") : null;
        if (value == null) {
            throw new IllegalStateException("The pytorch-jni library is missing from the class path.");
        }
        return value.substring(0, value.indexOf('-') > 0 ? value.indexOf('-') : value.length());
    }

    /** DJL's name of this platform: {@code linux-x86_64}, {@code osx-aarch64}, {@code win-x86_64}. */
    public static String classifier() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.startsWith("win") ? "win" : os.startsWith("mac") ? "osx" : "linux";
        return system + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("arm64") ? "aarch64" : arch);
    }

    /** {@code libtorch.so}, {@code libtorch.dylib} or {@code torch.dll}. */
    static String torchLibrary() {
        return System.mapLibraryName("torch");
    }

    /** Whether the folder holds libtorch's CUDA libraries. */
    static boolean hasCudaLibraries(Path folder) {
        return Files.isRegularFile(folder.resolve(System.mapLibraryName("torch_cuda")))
                || Files.isRegularFile(folder.resolve(System.mapLibraryName("c10_cuda")));
    }

    /** The version a libtorch folder states, e.g. 2.7.1+cu128, and the file that states it. */
    record StatedVersion(String version, Path where) {
    }

    /**
     * The version a libtorch folder states: in {@code torch/version.py} of a pip install, or {@code build-version} of a
     * libtorch zip; null when it states none.
     */
    static StatedVersion statedVersion(Path folder) {
        Path parent = folder.getParent();
        if (parent == null) {
            return null;
        }
        try {
            Path versionPy = parent.resolve("version.py");
            if (Files.isRegularFile(versionPy)) {
                Matcher m = Pattern.compile("(?m)^__version__\\s*=\\s*['\"]([^'\"]+)['\"]").matcher(Files.readString(versionPy));
                if (m.find()) {
                    return new StatedVersion(m.group(1), versionPy);
                }
            }
            Path buildVersion = parent.resolve("build-version");
            if (Files.isRegularFile(buildVersion)) {
                String v = Files.readString(buildVersion, StandardCharsets.UTF_8).trim();
                if (!v.isEmpty()) {
                    return new StatedVersion(v, buildVersion);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** {@code 2.7.1} of {@code 2.7.1+cu128} or {@code 2.7.1-20250812}. */
    static String baseVersion(String version) {
        Matcher m = TORCH_VERSION.matcher(version);
        return m.lookingAt() ? m.group(1) : version;
    }

    /** {@code cu128} of {@code 2.7.1+cu128}; null without a suffix. */
    private static String versionSuffix(String version) {
        Matcher m = TORCH_VERSION.matcher(version);
        return m.lookingAt() ? m.group(2) : null;
    }

    /** Whether DJL will find its JNI library for this flavour: in the folder, or inside the pytorch-jni jar. */
    private static boolean jniAvailable(Path folder, String classifier, String flavor) {
        if (Files.isRegularFile(folder.resolve(JNI_NAME))) {
            return true;
        }
        try (Stream<Path> files = Files.list(folder)) {
            if (files.anyMatch(f -> f.getFileName().toString().endsWith("-" + JNI_NAME))) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        return TorchNatives.class.getResource("/jnilib/" + classifier + "/" + flavor + "/" + JNI_NAME) != null;
    }

    /** Where DJL publishes its JNI library for a libtorch version, platform and flavour. */
    static String jniUrl(String version, String classifier, String flavor) {
        return "https://publish.djl.ai/pytorch/" + version + "/jnilib/" + ai.djl.engine.Engine.getDjlVersion() + "/" + classifier
                + "/" + flavor + "/" + JNI_NAME;
    }

    private static String firstSet(Function<String, String> env, Function<String, String> properties, String name) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            value = properties.apply(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Properties resourceProperties(String name) {
        try (InputStream in = TorchNatives.class.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            return null;
        }
    }
}
