package org.synapseworkbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.cli.Main;

class MallocRelaunchTest {

    @Test
    void onlyCommandsThatRunLibtorchAreRelaunched() {
        assertTrue(MallocRelaunch.usesTorch(new String[] {"train", "--config-file", "f.yaml"}));
        assertTrue(MallocRelaunch.usesTorch(Main.pytcForm(new String[] {"--config-file", "f.yaml", "--inference"})));
        assertTrue(MallocRelaunch.usesTorch(new String[] {"benchmark", "learning", "--checkpoint", "c.ckpt"}));
        assertFalse(MallocRelaunch.usesTorch(new String[] {"benchmark", "evaluate"}));
        assertFalse(MallocRelaunch.usesTorch(new String[] {"evaluate", "--prediction", "p.h5", "--truth", "t.h5"}));
        assertFalse(MallocRelaunch.usesTorch(new String[] {}));
    }

    @Test
    void theChildIsTheSameJavaWithTheSameOptionsOrTheSameLauncher() {
        String[] args = {"infer", "--checkpoint", "c.ckpt"};
        assertEquals(List.of("/opt/jdk/bin/java", "-Xmx4g", "-Dx=1", "-cp", "app.jar", Launcher.class.getName(), "infer",
                "--checkpoint", "c.ckpt"), MallocRelaunch.childCommand("/opt/jdk/bin/java", List.of("-Xmx4g", "-Dx=1"), "app.jar", args));
        assertEquals(List.of("/opt/synapse-workbench/bin/synapse-workbench", "infer", "--checkpoint", "c.ckpt"),
                MallocRelaunch.childCommand("/opt/synapse-workbench/bin/synapse-workbench", List.of("-Xmx4g"), "app.jar", args));
        assertNull(MallocRelaunch.childCommand(null, List.of(), "app.jar", args));
        assertEquals(List.of("/opt/jdk/bin/java", "-cp", "app.jar", "org.synapseworkbench.app.Launcher", "workbench"),
                MallocRelaunch.childCommand("/opt/jdk/bin/java", List.of(), "app.jar", new String[] {"workbench"}),
                "the window's child runs the one main class");
    }

    @Test
    void theChildGetsTheTunablesAndItsExitCodeIsReturned() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), EnvironmentProbe.class.getName(),
                "glibc.malloc.arena_max=1");
        assertEquals(7, MallocRelaunch.run(command, "glibc.malloc.arena_max=1"));
        assertEquals(1, MallocRelaunch.run(command, "glibc.malloc.arena_max=2"));
        assertNull(MallocRelaunch.run(List.of("/nonexistent/java"), "glibc.malloc.arena_max=1"));
    }

    /** Exits with 7 when it sees GLIBC_TUNABLES equal to its argument and SYNAPSE_RELAUNCH=0, else 1. */
    public static final class EnvironmentProbe {
        public static void main(String[] args) {
            boolean seen = args[0].equals(System.getenv("GLIBC_TUNABLES")) && "0".equals(System.getenv(MallocRelaunch.VARIABLE));
            System.exit(seen ? 7 : 1);
        }
    }

    @Test
    void underAnInstalledLauncherTheChildIsTheLauncher() {
        String before = System.getProperty(MallocRelaunch.APP_PATH);
        try {
            System.setProperty(MallocRelaunch.APP_PATH, "/opt/synapse-workbench/bin/synapse-workbench");
            org.junit.jupiter.api.Assertions.assertEquals("/opt/synapse-workbench/bin/synapse-workbench", MallocRelaunch.executable());
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("/opt/synapse-workbench/bin/synapse-workbench", "train",
                    "--config-file", "c.yaml"), MallocRelaunch.childCommand(MallocRelaunch.executable(), java.util.List.of("-Xmx1g"),
                    "a.jar", new String[] {"train", "--config-file", "c.yaml"}), "no JVM options or class path for a launcher");
        } finally {
            if (before == null) {
                System.clearProperty(MallocRelaunch.APP_PATH);
            } else {
                System.setProperty(MallocRelaunch.APP_PATH, before);
            }
        }
    }
}
