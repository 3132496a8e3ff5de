package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.synth.Synapse;
import org.synapseworkbench.synth.SynapseCensus;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Sizes;

/**
 * {@code demo}: makes the built-in sample (once) and shows what is in it, including a small picture of a
 * section through a synapse drawn in characters.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the built-in sample (unless it exists) and show what is in it.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where the sample lives (default: datasets/synthetic/sample.h5 here; for the installed program "
                    + "~/.synapse-workbench/sample/sample.h5, which the window opens too).")
    Path output;

    @Option(names = "--regenerate", description = "Make the sample again even if it exists.")
    boolean regenerate;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        if (output == null) {
            output = org.synapseworkbench.UserFolders.sample();
        }
        out.println("Synapse Workbench demo: the built-in synthetic sample (voxels of 40 x 4 x 4 nm (z, y, x), like CREMI).");
        SynthParams params = SynthParams.of(SynthParams.SAMPLE_SIZE, 1);
        boolean exists = SyntheticVolumeWriter.bothLayoutsExist(output);
        if (regenerate || !exists) {
            GenerateCommand.generate(params, output, GenerateCommand.Layout.both, out);
        } else {
            out.println("Using the sample in " + output + " (--regenerate makes it anew).");
        }
        try (Hdf5Volume raw = Hdf5Volume.open(output, Cremi.RAW); Hdf5Volume clefts = Hdf5Volume.open(output, Cremi.CLEFTS);
             Hdf5Volume polarity = Hdf5Volume.open(output, Cremi.POLARITY);
             Hdf5Volume neurons = Hdf5Volume.open(output, Cremi.NEURON_IDS)) {
            List<Synapse> synapses = SynapseCensus.of(clefts, polarity, neurons);
            out.printf(Locale.ROOT, "%nImage %s, %s voxels (z, y, x) of 40 x 4 x 4 nm; %d synapses:%n", raw.type().label(),
                    Sizes.format(raw.shape()), synapses.size());
            GenerateCommand.printSynapses(synapses, out);
            if (!synapses.isEmpty()) {
                Synapse big = synapses.stream().max(java.util.Comparator.comparingLong(Synapse::cleftVoxels)).get();
                int[] c = big.center();
                out.printf(Locale.ROOT, "%nSection z=%d around synapse " + big.id() + " (one character per 8 x 4 voxels; '#' cleft, darker = denser):%n", c[0]);
                sketch(raw, clefts, c, out);
            }
        }
        out.println();
        // an installed program's launcher names the folder of configs it carries
        Path demoConfig = Path.of(System.getProperty("synapse.configs", "configs"), "Demo", "Demo-Cleft.yaml");
        out.println("Next: 'info " + output + "' for the datasets, 'config --config-file " + demoConfig + "' for the");
        out.println("demo training config; on a machine with a display, 'workbench' opens the window.");
        return 0;
    }

    /** Draws a 64 x 24 character picture of the section around a point, marking cleft voxels. */
    private static void sketch(Hdf5Volume raw, Hdf5Volume clefts, int[] c, PrintWriter out) {
        int[] shape = raw.shape();
        int w = Math.min(64, shape[2] / 4);
        int h = Math.min(24, shape[1] / 8);
        int y0 = Math.max(0, Math.min(shape[1] - h * 8, c[1] - h * 4));
        int x0 = Math.max(0, Math.min(shape[2] - w * 4, c[2] - w * 2));
        Block img = raw.read(new int[] {c[0], y0, x0}, new int[] {1, h * 8, w * 4});
        Block lab = clefts.read(new int[] {c[0], y0, x0}, new int[] {1, h * 8, w * 4});
        String ramp = "@%*+=-:. ";
        int rowLen = w * 4;
        for (int y = 0; y < h; y++) {
            StringBuilder line = new StringBuilder("  ");
            for (int x = 0; x < w; x++) {
                boolean cleft = false;
                long sum = 0;
                for (int dy = 0; dy < 8; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        int i = (y * 8 + dy) * rowLen + x * 4 + dx;
                        cleft |= Cremi.isCleft(lab.getLong(i));
                        sum += img.getLong(i);
                    }
                }
                line.append(cleft ? '#' : ramp.charAt((int) Math.min(ramp.length() - 1, sum / 32 * ramp.length() / 256)));
            }
            out.println(line);
        }
    }
}
