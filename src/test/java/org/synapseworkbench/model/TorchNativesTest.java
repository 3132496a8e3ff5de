package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.work.UserException;

/** Which libtorch is chosen, and the one sentence for each way a user's libtorch cannot work. */
class TorchNativesTest {
    @TempDir
    Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();

    private TorchNatives.Choice choose() {
        return TorchNatives.choose(env::get, properties::get, "linux-x86_64");
    }

    private String refusal() {
        return assertThrows(UserException.class, this::choose).getMessage();
    }

    /** A pip-like torch folder: torch/lib with libtorch (and CUDA libraries if asked), torch/version.py. */
    private Path torch(String version, boolean cuda) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("torch/lib"));
        Files.writeString(lib.resolve(System.mapLibraryName("torch")), "");
        if (cuda) {
            Files.writeString(lib.resolve(System.mapLibraryName("torch_cuda")), "");
        }
        if (version != null) {
            Files.writeString(dir.resolve("torch/version.py"), "__version__ = '" + version + "'\ngit_version = 'x'\n");
        }
        return lib;
    }

    @Test
    void theJniLibraryOnTheClassPathSaysWhichVersionIsNeeded() {
        assertEquals("2.7.1", TorchNatives.requiredVersion());
    }

    @Test
    void withoutSettingsTheNativeJarOnTheClassPathIsUsed() {
        TorchNatives.Choice c = choose();
        assertEquals(TorchNatives.Source.CLASS_PATH, c.source());
        assertNull(c.folder());
        assertEquals("2.7.1", c.version());
        assertEquals("cpu", c.flavor());
    }

    @Test
    void anInstalledProgramUsesTheFolderItsLauncherNames() throws IOException {
        Path lib = torch(null, false);
        properties.put(TorchNatives.BUNDLED_PROPERTY, lib.toString());
        TorchNatives.Choice c = choose();
        assertEquals(TorchNatives.Source.BUNDLED, c.source());
        assertEquals(lib, c.folder());
        assertEquals("cpu", c.flavor());

        properties.put(TorchNatives.BUNDLED_PROPERTY, dir.resolve("gone").toString());
        assertTrue(refusal().contains("install the program again"));
    }

    @Test
    void theUsersLibraryWinsOverTheBundledOneAndItsFlavourIsReadFromTorchsVersion() throws IOException {
        Path lib = torch("2.7.1+cu128", true);
        properties.put(TorchNatives.BUNDLED_PROPERTY, "/opt/synapse-workbench/lib/app/libtorch");
        env.put(TorchNatives.PATH_VARIABLE, lib.toString());
        TorchNatives.Choice c = choose();
        assertEquals(TorchNatives.Source.USER, c.source());
        assertEquals(lib, c.folder());
        assertEquals("cu128", c.flavor());
        assertTrue(c.cuda());
    }

    @Test
    void aFolderThatIsMissingOrHoldsNoLibtorchIsNamed() throws IOException {
        env.put(TorchNatives.PATH_VARIABLE, dir.resolve("nowhere").toString());
        assertEquals("PYTORCH_LIBRARY_PATH is " + dir.resolve("nowhere") + ", which does not exist; point it to the folder that "
                + "holds libtorch.so (for a pip-installed torch: its torch/lib folder), or unset it to use the CPU libtorch "
                + "that comes with the program.", refusal());
        env.put(TorchNatives.PATH_VARIABLE, dir.toString());
        assertTrue(refusal().startsWith("PYTORCH_LIBRARY_PATH is " + dir + ", which holds no libtorch.so;"));
    }

    @Test
    void anotherTorchVersionIsRefusedWithWhereItSaysSo() throws IOException {
        Path lib = torch("2.6.0+cu124", true);
        env.put(TorchNatives.PATH_VARIABLE, lib.toString());
        assertEquals("PYTORCH_LIBRARY_PATH names libtorch 2.6.0+cu124 (" + dir.resolve("torch/version.py") + "), but this "
                + "program's engine works with libtorch 2.7.1 only; install torch 2.7.1 (docs/gpu.md) or unset "
                + "PYTORCH_LIBRARY_PATH to use the CPU libtorch that comes with the program.", refusal());
    }

    @Test
    void aLibtorchZipSaysItsVersionInBuildVersion() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("libtorch/lib"));
        Files.writeString(lib.resolve(System.mapLibraryName("torch")), "");
        Files.writeString(dir.resolve("libtorch/build-version"), "2.5.1+cpu\n");
        env.put(TorchNatives.PATH_VARIABLE, lib.toString());
        assertTrue(refusal().startsWith("PYTORCH_LIBRARY_PATH names libtorch 2.5.1+cpu (" + dir.resolve("libtorch/build-version")));
    }

    @Test
    void aVersionVariableOtherThanTheEnginesIsRefused() {
        env.put(TorchNatives.VERSION_VARIABLE, "2.6.0");
        assertEquals("PYTORCH_VERSION is 2.6.0, but this program's engine works with libtorch 2.7.1 only; set it to 2.7.1 "
                + "or unset it.", refusal());
        env.put(TorchNatives.VERSION_VARIABLE, "2.7.1");
        assertEquals(TorchNatives.Source.CLASS_PATH, choose().source());
    }

    @Test
    void flavourAndLibrariesMustAgree() throws IOException {
        Path lib = torch(null, true);
        env.put(TorchNatives.PATH_VARIABLE, lib.toString());
        assertTrue(refusal().contains("holds a CUDA libtorch of unknown CUDA version; set PYTORCH_FLAVOR"));
        env.put(TorchNatives.FLAVOR_VARIABLE, "cpu");
        assertTrue(refusal().contains("holds a CUDA libtorch but PYTORCH_FLAVOR is cpu"));
        env.put(TorchNatives.FLAVOR_VARIABLE, "cu128");
        assertEquals("cu128", choose().flavor());

        Files.delete(lib.resolve(System.mapLibraryName("torch_cuda")));
        assertTrue(refusal().startsWith("PYTORCH_FLAVOR is cu128 but " + lib + " holds no CUDA libraries"));
        env.remove(TorchNatives.FLAVOR_VARIABLE);
        assertEquals("cpu", choose().flavor());
    }

    @Test
    void aFlavourWithoutItsJniLibraryNamesWhereToGetIt() throws IOException {
        Path lib = torch("2.7.1+cu126", true);
        env.put(TorchNatives.PATH_VARIABLE, lib.toString());
        String message = refusal();
        assertTrue(message.startsWith("DJL's JNI library for libtorch 2.7.1 cu126 on linux-x86_64 does not come with this "
                + "program; download https://publish.djl.ai/pytorch/2.7.1/jnilib/0.36.0/linux-x86_64/cu126/libdjl_torch.so into "
                + lib), message);
        Files.writeString(lib.resolve(System.mapLibraryName("djl_torch")), "");
        assertEquals("cu126", choose().flavor());
    }

    @Test
    void aCudaFlavourWithoutALibraryPathIsRefused() {
        env.put(TorchNatives.FLAVOR_VARIABLE, "cu128");
        assertEquals("PYTORCH_FLAVOR is cu128 but PYTORCH_LIBRARY_PATH is not set, and the libtorch that comes with the "
                + "program is a CPU build; set PYTORCH_LIBRARY_PATH to a CUDA libtorch (docs/gpu.md) or unset PYTORCH_FLAVOR.",
                refusal());
        env.put(TorchNatives.FLAVOR_VARIABLE, "cpu");
        assertEquals(TorchNatives.Source.CLASS_PATH, choose().source());
    }

    @Test
    void versionsAreComparedWithoutTheirSuffix() {
        assertEquals("2.7.1", TorchNatives.baseVersion("2.7.1+cu128"));
        assertEquals("2.7.1", TorchNatives.baseVersion("2.7.1-20250812"));
    }
}
