package org.synapseworkbench.volume;

import java.util.Arrays;

import org.synapseworkbench.work.UserException;

/**
 * An image volume (z, y, x) seen as if padded by reflection, read box by box as values in [0, 1]: uint8 divided
 * by 255, other types min-max scaled over the volume (reference section 6). Only the voxels a box needs are read.
 * <p>
 * With section statistics (DATASET.NORMALIZE_SECTIONS, the workbench's own), each section is then standardised:
 * its mean becomes 0.5 and its standard deviation 0.125 (values clipped to [0, 1]), which cancels the brightness
 * and contrast that change from section to section in EM. A section of nearly constant value (a lost section) is
 * divided by no less than 0.02, so that its noise is not blown up into texture.
 */
public final class PaddedImage {
    /** Mean and standard deviation a standardised section gets. */
    static final double SECTION_MEAN = 0.5;
    static final double SECTION_STD = 0.125;
    /** The smallest standard deviation (in [0, 1] units) a section is divided by. */
    static final double MIN_SECTION_STD = 0.02;

    private final Volume image;
    private final int[] pad;
    private final double offset;
    private final double scale;
    private final SectionStatistics sections;

    public PaddedImage(Volume image, int[] pad) {
        this(image, pad, null);
    }

    /**
     * @param sections statistics of {@code image}'s sections (its section 0 first) when each section is to be
     *     standardised, else null
     */
    public PaddedImage(Volume image, int[] pad, SectionStatistics sections) {
        if (image.rank() != 3) {
            throw new UserException("An image volume is 3-d (z, y, x), but " + image.name() + " has shape "
                    + Arrays.toString(image.shape()) + "; choose its image dataset.");
        }
        this.image = image;
        this.pad = pad.clone();
        if (image.type() == DataType.UINT8) {
            offset = 0;
            scale = 1 / 255.0;
        } else {
            VolumeStatistics stats = VolumeStatistics.of(image, 0);
            offset = stats.min;
            scale = stats.max > stats.min ? 1 / (stats.max - stats.min) : 0;
        }
        this.sections = sections;
    }

    /** The image of {@code image} padded by {@code pad}, its sections standardised when {@code normalizeSections}. */
    public static PaddedImage of(Volume image, int[] pad, boolean normalizeSections) {
        return new PaddedImage(image, pad, normalizeSections ? SectionStatistics.of(image) : null);
    }

    public Volume volume() {
        return image;
    }

    public int[] pad() {
        return pad.clone();
    }

    /** Shape after padding. */
    public int[] paddedShape() {
        int[] s = image.shape();
        return new int[] {s[0] + 2 * pad[0], s[1] + 2 * pad[1], s[2] + 2 * pad[2]};
    }

    /** The box of {@code size} at {@code start} (padded coordinates) as values in [0, 1], z, y, x order. */
    public float[] read(int[] start, int[] size) {
        return read(ReflectBox.of(start, size, pad, image.shape()), size);
    }

    /** The box described by {@code box} (made for this image's pad and shape). */
    public float[] read(ReflectBox box, int[] size) {
        Block img = image.read(box.lo(), box.extent());
        float[] values = new float[size[0] * size[1] * size[2]];
        byte[] bytes = img.type() == DataType.UINT8 ? img.bytes() : null;
        int o = 0;
        for (int z = 0; z < size[0]; z++) {
            // value in [0, 1] = (raw - offset) * scale, then, standardised, * gain + shift
            double gain = 1;
            double shift = 0;
            if (sections != null) {
                int source = box.index()[0][z];
                double std = Math.max(sections.std(source) * scale, MIN_SECTION_STD);
                gain = SECTION_STD / std;
                shift = SECTION_MEAN - (sections.mean(source) - offset) * scale * gain;
            }
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[2]; x++, o++) {
                    int i = box.source(z, y, x);
                    double v = bytes != null ? (bytes[i] & 0xFF) * scale : (img.getDouble(i) - offset) * scale;
                    values[o] = (float) (sections == null ? v : Math.max(0, Math.min(1, v * gain + shift)));
                }
            }
        }
        return values;
    }
}
