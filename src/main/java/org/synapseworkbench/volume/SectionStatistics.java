package org.synapseworkbench.volume;

/**
 * The mean and standard deviation of each section (z) of a 3-d image volume, in the volume's own units, each over
 * the whole section, computed when first asked for and kept (two doubles a section). A section is read in strips of
 * rows, so memory stays bounded however large the section. A view from a later section ({@link #from}) shares the
 * figures, so that a crop of the volume is normalised as the volume is.
 */
public final class SectionStatistics {
    /** Voxels read at a time while a section is measured. */
    private static final int STRIP_VOXELS = 1 << 22;

    private final Volume image;
    private final int stripVoxels;
    private final double[] mean;
    private final double[] std;
    private final boolean[] known;
    private final int first;

    private SectionStatistics(Volume image, int stripVoxels, double[] mean, double[] std, boolean[] known, int first) {
        this.image = image;
        this.stripVoxels = stripVoxels;
        this.mean = mean;
        this.std = std;
        this.known = known;
        this.first = first;
    }

    /** The statistics of {@code image} (3-d), none measured yet. */
    public static SectionStatistics of(Volume image) {
        return of(image, STRIP_VOXELS);
    }

    /** As {@link #of(Volume)}, reading about {@code stripVoxels} voxels at a time (whole rows, at least one). */
    static SectionStatistics of(Volume image, int stripVoxels) {
        int nz = image.shape()[0];
        return new SectionStatistics(image, stripVoxels, new double[nz], new double[nz], new boolean[nz], 0);
    }

    /** The same figures seen from section {@code z}: section 0 of the view is section {@code z} here. */
    public SectionStatistics from(int z) {
        return new SectionStatistics(image, stripVoxels, mean, std, known, first + z);
    }

    /** The mean of section {@code z}. */
    public double mean(int z) {
        measure(first + z);
        return mean[first + z];
    }

    /** The (population) standard deviation of section {@code z}. */
    public double std(int z) {
        measure(first + z);
        return std[first + z];
    }

    private void measure(int z) {
        synchronized (known) {
            if (known[z]) {
                return;
            }
            int[] s = image.shape();
            int rows = Math.max(1, Math.min(s[1], stripVoxels / Math.max(1, s[2])));
            double sum = 0;
            double sumSq = 0;
            double shift = Double.NaN; // the first value, subtracted so that the sums do not lose precision
            for (int y = 0; y < s[1]; y += rows) {
                Block b = image.read(new int[] {z, y, 0}, new int[] {1, Math.min(rows, s[1] - y), s[2]});
                byte[] bytes = b.type() == DataType.UINT8 ? b.bytes() : null;
                int n = b.size();
                for (int i = 0; i < n; i++) {
                    double v = bytes != null ? bytes[i] & 0xFF : b.getDouble(i);
                    if (Double.isNaN(shift)) {
                        shift = v;
                    }
                    double d = v - shift;
                    sum += d;
                    sumSq += d * d;
                }
            }
            double count = (double) s[1] * s[2];
            double m = sum / count;
            mean[z] = shift + m;
            std[z] = Math.sqrt(Math.max(0, sumSq / count - m * m));
            known[z] = true;
        }
    }
}
