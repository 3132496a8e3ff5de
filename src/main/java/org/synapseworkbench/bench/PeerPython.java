package org.synapseworkbench.bench;

import picocli.CommandLine.Option;

/** The {@code --python} option of the benchmarks that run a peer program (a picocli mixin). */
final class PeerPython {
    @Option(names = "--python", paramLabel = "CMD", description = "Python for the peer program (default /usr/bin/python3 "
            + "if present, else python3; 'none' to skip the peer).")
    String python;

    /** The Python to run the peer with, or null to skip it. */
    String command() {
        return Peers.python(python);
    }
}
