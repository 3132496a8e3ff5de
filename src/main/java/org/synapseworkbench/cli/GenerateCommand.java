package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.synth.Synapse;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolume;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.volume.Sizes;

/** {@code generate}: a synthetic EM volume with exact cleft and polarity labels. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic CREMI-like EM volume (40 x 4 x 4 nm) with exact cleft, polarity and neuron labels.",
            "CREMI layout: one file with volumes/raw, volumes/labels/clefts (no cleft = 0xFFFFFFFFFFFFFFFF),",
            "volumes/labels/neuron_ids and volumes/labels/polarity. PyTC layout: NAME-image.h5, NAME-clefts.h5",
            "and NAME-polarity.h5 beside the output, one dataset 'main' each, 0 = background."})
public final class GenerateCommand implements Callable<Integer> {
    /** Where {@code generate} writes by default; the demo configs read from here. */
    public static final String DEFAULT_OUTPUT = "datasets/synthetic/sample.h5";

    /** Which files to write. */
    enum Layout { cremi, pytc, both }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = DEFAULT_OUTPUT,
            description = "CREMI file to write; PyTC files go beside it (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--size", paramLabel = "Z,Y,X", defaultValue = "32,320,320",
            description = "Size in voxels (default: ${DEFAULT-VALUE}, generated in a few seconds).")
    String size;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same volume (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layout", defaultValue = "both", description = "cremi, pytc or both (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Option(names = "--defects", defaultValue = "noise,drift", paramLabel = "LIST",
            description = "EM defects: none, all, or a comma list of noise, drift, missing, misaligned (default: ${DEFAULT-VALUE}).")
    String defects;

    @Option(names = "--density", defaultValue = "8", paramLabel = "N",
            description = "Synapses per cubic micron (default: ${DEFAULT-VALUE}; real cortex has about 1).")
    double density;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] zyx = Sizes.parse(size);
        SynthParams params;
        try {
            params = SynthParams.of(zyx, seed).withDensity(density).withDefects(SynthParams.Defect.parse(defects));
        } catch (IllegalArgumentException e) {
            throw new org.synapseworkbench.work.UserException("Cannot generate: " + e.getMessage() + ".");
        }
        generate(params, output, layout, out);
        return 0;
    }

    /** Generates and writes a volume, printing what was written; returns the files. */
    static List<Path> generate(SynthParams params, Path output, Layout layout, PrintWriter out) {
        out.printf(Locale.ROOT, "Generating %s voxels (seed %d, defects %s)...%n", Sizes.format(params.size()),
                params.seed(), params.defects().isEmpty() ? "none" : params.defects().toString().toLowerCase(Locale.ROOT));
        out.flush();
        long t0 = System.nanoTime();
        SyntheticVolume v = new SyntheticEmGenerator(params).generate();
        long t1 = System.nanoTime();
        List<Path> written = new ArrayList<>();
        if (layout != Layout.pytc) {
            SyntheticVolumeWriter.writeCremi(v, output);
            written.add(output);
        }
        if (layout != Layout.cremi) {
            written.addAll(SyntheticVolumeWriter.writePytc(v, output));
        }
        long t2 = System.nanoTime();
        out.printf(Locale.ROOT, "%d synapses; generated in %.1f s, written in %.1f s:%n", v.synapses().size(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        for (Path p : written) {
            out.println("  " + p);
        }
        return written;
    }

    /** A table of synapses: id, centre and voxel counts. */
    static void printSynapses(List<Synapse> synapses, PrintWriter out) {
        out.println("  id   centre (z, y, x)    cleft voxels   pre (2k-1)   post (2k)   pre/post neuron");
        for (Synapse s : synapses) {
            int[] c = s.center();
            out.printf(Locale.ROOT, "  %-4d (%3d, %4d, %4d)   %12d   %10d   %9d   %d / %d%n", s.id(), c[0], c[1], c[2],
                    s.cleftVoxels(), s.preVoxels(), s.postVoxels(), s.preNeuron(), s.postNeuron());
        }
    }
}
