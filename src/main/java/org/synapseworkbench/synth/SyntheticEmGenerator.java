package org.synapseworkbench.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

/**
 * Generates CREMI-like EM volumes with exact labels. Cells are a warped Voronoi tessellation with dark membranes
 * and textured cytoplasm holding mitochondria, granules and vesicles. A synapse is a disc on the face between
 * two cells where the membrane is darker and thicker (the cleft, with a post-synaptic density), with a cloud of
 * vesicles on the presynaptic side. Sections are rendered independently in parallel from position-hashed noise,
 * so the output depends only on the parameters and the seed.
 */
public final class SyntheticEmGenerator {
    /** Half thickness (nm) of the labelled cleft: about six voxels across at 4 nm. */
    static final double CLEFT_HALF = 12;
    /** How far (nm) past the cleft the pre and post labels reach into their cells. */
    static final double SIDE_DEPTH = 36;
    private static final double MEMBRANE_HALF = 6.5;
    /** Grey levels by which a synapse darkens its two membranes and the cleft between them. */
    private static final double CLEFT_DARKENING = 55;
    /**
     * The post-synaptic density: a band on the post side, darkest {@code PSD_DEPTH} nm from the face and about
     * 2 x {@code PSD_WIDTH} nm thick, the thick dark mark by which people tell a synapse from a plain membrane.
     */
    private static final double PSD_DARKENING = 60;
    private static final double PSD_DEPTH = 24;
    private static final double PSD_WIDTH = 14;
    /** Width (nm) of the rim over which a synapse's darkening fades in, centred on the labelled disc's edge. */
    private static final double FADE = 40;
    /** The largest z component of a synapse face's normal: steeper faces lie too flat in the sections to see. */
    private static final double MAX_NORMAL_Z = 0.45;
    /** Synapses whose cleft, pre or post part has fewer voxels in the volume are dropped. */
    private static final int MIN_PART_VOXELS = 40;

    private final SynthParams params;

    public SyntheticEmGenerator(SynthParams params) {
        this.params = params;
    }

    /** A synapse being laid out: centre (nm), radius, pre and post cell indices. */
    private record Site(int id, int pre, int post, double[] c, double radius) {
    }

    /** Per-section geometric defects: misalignment shift in voxels and whether the section is lost. */
    private record SectionState(double shiftY, double shiftX, boolean missing, double gain, double bias) {
    }

    public SyntheticVolume generate() {
        int[] size = params.size();
        int nz = size[0];
        int ny = size[1];
        int nx = size[2];
        double[] res = SynthParams.RESOLUTION;
        double[] extent = {nz * res[0], ny * res[1], nx * res[2]};
        SplittableRandom rnd = new SplittableRandom(params.seed());
        Noise noise = new Noise(params.seed());
        CellLayout cells = new CellLayout(extent, rnd.split(), noise);
        List<Site> sites = placeSynapses(cells, extent, rnd.split());
        Map<Long, List<Site>> sitesByFace = new HashMap<>();
        for (Site s : sites) {
            sitesByFace.computeIfAbsent(faceKey(s.pre, s.post), k -> new ArrayList<>()).add(s);
        }
        List<Organelle> organelles = placeOrganelles(cells, extent, sites, rnd.split());
        SectionState[] sections = sectionStates(nz, rnd.split());

        int plane = ny * nx;
        Block image = Block.zeros(DataType.UINT8, nz, ny, nx);
        Block clefts = Block.zeros(DataType.UINT32, nz, ny, nx);
        Block polarity = Block.zeros(DataType.UINT32, nz, ny, nx);
        Block neurons = Block.zeros(DataType.UINT32, nz, ny, nx);
        int[] cleftData = (int[]) clefts.data();
        int[] polData = (int[]) polarity.data();
        int[] neuronData = (int[]) neurons.data();
        byte[] imageData = image.bytes();
        IntStream.range(0, nz).parallel().forEach(z -> renderSection(z, ny, nx, res, cells, sitesByFace, organelles,
                sections[z], noise, imageData, cleftData, polData, neuronData, z * plane));
        List<Synapse> synapses = keepWholeSynapses(sites, cleftData, polData, nz, ny, nx);
        return new SyntheticVolume(params, image, clefts, polarity, neurons, List.copyOf(synapses));
    }

    private static long faceKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /**
     * Chooses synapse sites on faces whose normal lies mostly in the section plane (a synapse cut flat by the
     * sections is invisible in EM, and annotators skip it), apart from each other.
     */
    private List<Site> placeSynapses(CellLayout cells, double[] extent, SplittableRandom rnd) {
        double volumeUm3 = extent[0] * extent[1] * extent[2] / 1e9;
        int target = Math.max(1, (int) Math.round(params.synapsesPerCubicMicron() * volumeUm3));
        int[][] pairs = cells.neighbourPairs();
        for (int i = pairs.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int[] t = pairs[i];
            pairs[i] = pairs[j];
            pairs[j] = t;
        }
        List<Site> out = new ArrayList<>();
        CellLayout.Nearest q = new CellLayout.Nearest();
        for (int[] pair : pairs) {
            if (out.size() >= target) {
                break;
            }
            double[] a = cells.seeds[pair[0]];
            double[] b = cells.seeds[pair[1]];
            double[] n = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
            double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            for (int k = 0; k < 3; k++) {
                n[k] /= len;
            }
            if (Math.abs(n[0]) > MAX_NORMAL_Z) {
                continue;
            }
            double[] t1 = {0, -n[2], n[1]};
            double t1len = Math.hypot(t1[1], t1[2]);
            t1[1] /= t1len;
            t1[2] /= t1len;
            double[] t2 = {n[1] * t1[2] - n[2] * t1[1], n[2] * t1[0] - n[0] * t1[2], n[0] * t1[1] - n[1] * t1[0]};
            double u = (rnd.nextDouble() - 0.5) * 0.4 * len;
            double v = (rnd.nextDouble() - 0.5) * 0.4 * len;
            double[] p = new double[3];
            double bestFace = Double.MAX_VALUE;
            double[] best = null;
            for (double s = -200; s <= 200; s += 4) {
                for (int k = 0; k < 3; k++) {
                    p[k] = (a[k] + b[k]) / 2 + u * t1[k] + v * t2[k] + s * n[k];
                }
                cells.nearest(p[0], p[1], p[2], q);
                boolean onFace = (q.first == pair[0] && q.second == pair[1]) || (q.first == pair[1] && q.second == pair[0]);
                if (onFace && q.face < bestFace) {
                    bestFace = q.face;
                    best = p.clone();
                }
            }
            if (best == null || bestFace > 6) {
                continue;
            }
            double radius = 130 + rnd.nextDouble() * 120;
            if (best[0] < 0 || best[1] < radius / 3 || best[2] < radius / 3 || best[0] >= extent[0]
                    || best[1] > extent[1] - radius / 3 || best[2] > extent[2] - radius / 3) {
                continue;
            }
            // warp and weights bend faces: one whose cells' seeds lie side by side may still run flat to the sections
            // where the synapse sits, and there one side's band would spread over whole sections
            if (Math.abs(cells.faceNormal(best[0], best[1], best[2], pair[0], pair[1])[0]) > MAX_NORMAL_Z) {
                continue;
            }
            boolean apart = true;
            for (Site o : out) {
                double d = Math.sqrt(sq(o.c[0] - best[0]) + sq(o.c[1] - best[1]) + sq(o.c[2] - best[2]));
                if (d < o.radius + radius + 150) {
                    apart = false;
                    break;
                }
            }
            if (!apart) {
                continue;
            }
            boolean firstIsPre = rnd.nextBoolean();
            out.add(new Site(out.size() + 1, firstIsPre ? pair[0] : pair[1], firstIsPre ? pair[1] : pair[0], best, radius));
        }
        return out;
    }

    private List<Organelle> placeOrganelles(CellLayout cells, double[] extent, List<Site> sites, SplittableRandom rnd) {
        List<Organelle> out = new ArrayList<>();
        CellLayout.Nearest q = new CellLayout.Nearest();
        for (Site s : sites) {
            double[] pre = cells.seeds[s.pre];
            double[] post = cells.seeds[s.post];
            double[] n = {pre[0] - post[0], pre[1] - post[1], pre[2] - post[2]};
            double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            int count = 110 + rnd.nextInt(90);
            for (int i = 0; i < count; i++) {
                double depth = CLEFT_HALF + 14 + Math.abs(rnd.nextGaussian()) * 70;
                double[] o = new double[3];
                for (int k = 0; k < 3; k++) {
                    o[k] = (rnd.nextDouble() - 0.5) * 2.0 * s.radius;
                }
                double along = (o[0] * n[0] + o[1] * n[1] + o[2] * n[2]) / len;
                double[] c = new double[3];
                for (int k = 0; k < 3; k++) {
                    c[k] = s.c[k] + n[k] / len * (depth - along) + o[k];
                }
                double r = 15 + rnd.nextDouble() * 6;
                out.add(new Organelle(Organelle.Kind.VESICLE, s.pre, c[0], c[1], c[2], r, r, 30, 0, 70));
            }
        }
        double volumeUm3 = extent[0] * extent[1] * extent[2] / 1e9;
        // vesicle clouds without a synapse: boutons cut away from their contact, so vesicles alone do not mean "cleft"
        int clouds = (int) Math.round(sites.size() * 0.6);
        for (int i = 0; i < clouds; i++) {
            double[] c0 = randomPoint(extent, rnd);
            cells.nearest(c0[0], c0[1], c0[2], q);
            int cell = q.first;
            int count = 60 + rnd.nextInt(80);
            for (int j = 0; j < count; j++) {
                double r = 15 + rnd.nextDouble() * 6;
                out.add(new Organelle(Organelle.Kind.VESICLE, cell, c0[0] + rnd.nextGaussian() * 60,
                        c0[1] + rnd.nextGaussian() * 90, c0[2] + rnd.nextGaussian() * 90, r, r, 30, 0, 70));
            }
        }
        int mitos = (int) Math.round(5 * volumeUm3);
        for (int i = 0; i < mitos; i++) {
            double[] c = randomPoint(extent, rnd);
            cells.nearest(c[0], c[1], c[2], q);
            out.add(new Organelle(Organelle.Kind.MITOCHONDRION, q.first, c[0], c[1], c[2], 110 + rnd.nextDouble() * 220,
                    55 + rnd.nextDouble() * 55, 80 + rnd.nextDouble() * 140, rnd.nextDouble() * Math.PI, 70));
        }
        int granules = (int) Math.round(40 * volumeUm3);
        for (int i = 0; i < granules; i++) {
            double[] c = randomPoint(extent, rnd);
            cells.nearest(c[0], c[1], c[2], q);
            double r = 10 + rnd.nextDouble() * 25;
            out.add(new Organelle(Organelle.Kind.GRANULE, q.first, c[0], c[1], c[2], r, r * (0.6 + 0.4 * rnd.nextDouble()),
                    Math.max(r, 25), rnd.nextDouble() * Math.PI, 50 + rnd.nextDouble() * 50));
        }
        return out;
    }

    private static double[] randomPoint(double[] extent, SplittableRandom rnd) {
        return new double[] {rnd.nextDouble() * extent[0], rnd.nextDouble() * extent[1], rnd.nextDouble() * extent[2]};
    }

    private SectionState[] sectionStates(int nz, SplittableRandom rnd) {
        SectionState[] out = new SectionState[nz];
        int missing = params.has(SynthParams.Defect.MISSING) ? 1 + rnd.nextInt(Math.max(1, nz - 2)) : -1;
        int misaligned = params.has(SynthParams.Defect.MISALIGNED) ? 1 + rnd.nextInt(Math.max(1, nz - 2)) : Integer.MAX_VALUE;
        double sy = (rnd.nextBoolean() ? 1 : -1) * (6 + rnd.nextInt(14));
        double sx = (rnd.nextBoolean() ? 1 : -1) * (6 + rnd.nextInt(14));
        boolean drift = params.has(SynthParams.Defect.DRIFT);
        double gain = 1;
        double bias = 0;
        for (int z = 0; z < nz; z++) {
            if (drift) {
                gain = Math.max(0.75, Math.min(1.25, gain + rnd.nextGaussian() * 0.04));
                bias = Math.max(-20, Math.min(20, bias + rnd.nextGaussian() * 3));
            }
            boolean shifted = z >= misaligned;
            out[z] = new SectionState(shifted ? sy : 0, shifted ? sx : 0, z == missing, gain, bias);
        }
        return out;
    }

    private void renderSection(int z, int ny, int nx, double[] res, CellLayout cells, Map<Long, List<Site>> sitesByFace,
                               List<Organelle> organelles, SectionState state, Noise noise, byte[] image, int[] clefts,
                               int[] polarity, int[] neurons, int offset) {
        int plane = ny * nx;
        float[] img = new float[plane];
        int[] cellOf = new int[plane];
        float[] face = new float[plane];
        CellLayout.Nearest q = new CellLayout.Nearest();
        double pz = (z + 0.5) * res[0];
        for (int y = 0; y < ny; y++) {
            double py = (y - state.shiftY + 0.5) * res[1];
            for (int x = 0; x < nx; x++) {
                double px = (x - state.shiftX + 0.5) * res[2];
                int i = y * nx + x;
                cells.nearest(pz, py, px, q);
                cellOf[i] = q.first;
                face[i] = (float) q.face;
                neurons[offset + i] = q.first + 1;
                double base = 172 + 30 * (noise.uniform(q.first, 0, 0, 301) - 0.5);
                double tex = 9 * noise.fbm(pz / 60, py / 50, px / 50, 302) + 7 * noise.value(pz / 40, py / 14, px / 14, 305);
                double half = MEMBRANE_HALF * (1 + 0.3 * noise.value(pz / 120, py / 120, px / 120, 306));
                double mem = Math.exp(-sq(q.face / half));
                double v = base + tex - mem * (base - 80 - 14 * noise.value(pz / 90, py / 60, px / 60, 303));
                List<Site> here = sitesByFace.get(faceKey(q.first, q.second));
                if (here != null) {
                    for (Site s : here) {
                        double d = Math.sqrt(sq(pz - s.c[0]) + sq(py - s.c[1]) + sq(px - s.c[2]));
                        double reach = s.radius * (1 + 0.18 * noise.value(py / 70, px / 70, pz / 70, 304 + s.id));
                        if (d >= reach + FADE / 2) {
                            continue;
                        }
                        // darkening ramps up over FADE nm centred on the rim, so the labelled disc (d < reach) is
                        // exactly where the cleft shows at least half its contrast, as an annotator would draw it
                        double fade = Math.min(1, Math.max(0, (reach + FADE / 2 - d) / FADE));
                        boolean pre = q.first == s.pre;
                        v -= fade * CLEFT_DARKENING * Math.exp(-sq(q.face / 15));
                        if (!pre) {
                            v -= fade * PSD_DARKENING * Math.exp(-sq((q.face - PSD_DEPTH) / PSD_WIDTH));
                        }
                        if (d < reach) {
                            if (q.face < CLEFT_HALF) {
                                clefts[offset + i] = s.id;
                            }
                            if (q.face < CLEFT_HALF + SIDE_DEPTH) {
                                polarity[offset + i] = pre ? 2 * s.id - 1 : 2 * s.id;
                            }
                        }
                    }
                }
                img[i] = (float) v;
            }
        }
        for (Organelle o : organelles) {
            o.draw(pz, img, cellOf, face, ny, nx, res, state.shiftY, state.shiftX, noise);
        }
        float[] blurred = blur(img, ny, nx);
        boolean noisy = params.has(SynthParams.Defect.NOISE);
        for (int i = 0; i < plane; i++) {
            double v = (blurred[i] - 128) * state.gain + 128 + state.bias;
            if (noisy) {
                v += 9 * noise.gaussian(i % nx, i / nx, z, 401);
            }
            if (state.missing) {
                v = 2 + 3 * noise.uniform(i % nx, i / nx, z, 402);
            }
            image[offset + i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
    }

    /** A light Gaussian blur in y and x (sigma about 0.8 voxel), the softness of a real micrograph. */
    private static float[] blur(float[] img, int ny, int nx) {
        float[] k = {0.05f, 0.24f, 0.42f, 0.24f, 0.05f};
        float[] tmp = new float[img.length];
        float[] out = new float[img.length];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                float s = 0;
                for (int j = -2; j <= 2; j++) {
                    int xx = Math.max(0, Math.min(nx - 1, x + j));
                    s += k[j + 2] * img[y * nx + xx];
                }
                tmp[y * nx + x] = s;
            }
        }
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                float s = 0;
                for (int j = -2; j <= 2; j++) {
                    int yy = Math.max(0, Math.min(ny - 1, y + j));
                    s += k[j + 2] * tmp[yy * nx + x];
                }
                out[y * nx + x] = s;
            }
        }
        return out;
    }

    /**
     * Counts each synapse's cleft, pre and post voxels, drops the synapses the volume cuts too small and
     * renumbers the rest 1..n in both label volumes (pre = 2k-1, post = 2k).
     */
    private static List<Synapse> keepWholeSynapses(List<Site> sites, int[] clefts, int[] polarity, int nz, int ny, int nx) {
        int n = sites.size();
        long[] cleft = new long[n + 1];
        long[] pre = new long[n + 1];
        long[] post = new long[n + 1];
        for (int i = 0; i < clefts.length; i++) {
            cleft[clefts[i]]++;
            int p = polarity[i];
            if (p != 0) {
                if ((p & 1) == 1) {
                    pre[(p + 1) / 2]++;
                } else {
                    post[p / 2]++;
                }
            }
        }
        int[] newId = new int[n + 1];
        List<Synapse> kept = new ArrayList<>();
        for (Site s : sites) {
            if (cleft[s.id] >= MIN_PART_VOXELS && pre[s.id] >= MIN_PART_VOXELS && post[s.id] >= MIN_PART_VOXELS) {
                int id = kept.size() + 1;
                newId[s.id] = id;
                int[] center = {(int) Math.min(nz - 1, s.c[0] / SynthParams.RESOLUTION[0]),
                    (int) Math.min(ny - 1, s.c[1] / SynthParams.RESOLUTION[1]), (int) Math.min(nx - 1, s.c[2] / SynthParams.RESOLUTION[2])};
                kept.add(new Synapse(id, s.pre + 1, s.post + 1, center, cleft[s.id], pre[s.id], post[s.id]));
            }
        }
        for (int i = 0; i < clefts.length; i++) {
            if (clefts[i] != 0) {
                clefts[i] = newId[clefts[i]];
            }
            int p = polarity[i];
            if (p != 0) {
                int id = newId[(p + 1) / 2];
                polarity[i] = id == 0 ? 0 : ((p & 1) == 1 ? 2 * id - 1 : 2 * id);
            }
        }
        return kept;
    }

    private static double sq(double v) {
        return v * v;
    }
}
