package org.synapseworkbench.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.work.UserException;

/**
 * What a U-Net looks like: the MODEL keys of a config that decide its layers (reference section 4).
 *
 * @param architecture unet_3d or unet_plus_3d
 * @param squeezeExcitation true for residual_se blocks, false for residual
 * @param filters channels of the five stages
 * @param isotropy per stage, true for (3,3,3) kernels and stride 2 in z
 */
public record ModelSpec(
        Architecture architecture,
        boolean squeezeExcitation,
        int[] filters,
        int inPlanes,
        int outPlanes,
        NormMode norm,
        ActMode act,
        boolean[] isotropy,
        boolean replicatePadding) {

    /** The architectures PyTC names in MODEL.ARCHITECTURE. */
    public enum Architecture {
        UNET_3D("unet_3d"), UNET_PLUS_3D("unet_plus_3d");

        public final String key;

        Architecture(String key) {
            this.key = key;
        }
    }

    /** MODEL.NORM_MODE; sync_bn is plain batch norm on one device. */
    public enum NormMode {
        BN, SYNC_BN, GN, NONE
    }

    /** MODEL.ACT_MODE. */
    public enum ActMode {
        ELU, RELU
    }

    public ModelSpec {
        if (filters.length != 5) {
            throw new UserException("MODEL.FILTERS needs 5 numbers, one per stage, but has " + filters.length + ".");
        }
        if (isotropy.length != 5) {
            throw new UserException("MODEL.ISOTROPY needs 5 values, one per stage, but has " + isotropy.length + ".");
        }
        for (int f : filters) {
            if (f < 1) {
                throw new UserException("MODEL.FILTERS must be positive, but is " + Arrays.toString(filters) + ".");
            }
            if (norm == NormMode.GN && f % 8 != 0) {
                throw new UserException("NORM_MODE gn uses 8 groups, so every MODEL.FILTERS value must be a multiple of 8, but "
                        + Arrays.toString(filters) + " is not.");
            }
            if (squeezeExcitation && f < 4) {
                throw new UserException("BLOCK_TYPE residual_se needs at least 4 filters per stage, but MODEL.FILTERS is "
                        + Arrays.toString(filters) + ".");
            }
        }
        if (inPlanes < 1 || outPlanes < 1) {
            throw new UserException("MODEL.IN_PLANES and MODEL.OUT_PLANES must be at least 1.");
        }
        filters = filters.clone();
        isotropy = isotropy.clone();
    }

    /** The model that a config's MODEL section describes. */
    public static ModelSpec fromConfig(Config config) {
        Architecture architecture = switch (config.model().architecture()) {
            case "unet_3d" -> Architecture.UNET_3D;
            case "unet_plus_3d" -> Architecture.UNET_PLUS_3D;
            default -> throw new UserException("MODEL.ARCHITECTURE " + config.model().architecture()
                    + " is not one the workbench can train; use unet_3d or unet_plus_3d.");
        };
        boolean se = switch (config.model().blockType()) {
            case "residual" -> false;
            case "residual_se" -> true;
            default -> throw new UserException("MODEL.BLOCK_TYPE " + config.model().blockType()
                    + " is not supported; use residual or residual_se.");
        };
        NormMode norm;
        try {
            norm = NormMode.valueOf(config.model().normMode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("MODEL.NORM_MODE " + config.model().normMode()
                    + " is not supported; use bn, sync_bn, gn or none.");
        }
        ActMode act;
        try {
            act = ActMode.valueOf(config.model().actMode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("MODEL.ACT_MODE " + config.model().actMode()
                    + " is not supported; use elu or relu.");
        }
        String pad = config.model().padMode();
        if (!pad.equals("replicate") && !pad.equals("zeros")) {
            throw new UserException("MODEL.PAD_MODE " + pad + " is not supported; use replicate or zeros.");
        }
        List<Boolean> iso = config.model().isotropy();
        boolean[] isotropy = new boolean[iso.size()];
        for (int i = 0; i < isotropy.length; i++) {
            isotropy[i] = iso.get(i);
        }
        int[] filters = config.model().filters().stream().mapToInt(Integer::intValue).toArray();
        return new ModelSpec(architecture, se, filters, config.model().inPlanes(),
                config.model().outPlanes(), norm, act, isotropy, pad.equals("replicate"));
    }

    @Override
    public int[] filters() {
        return filters.clone();
    }

    @Override
    public boolean[] isotropy() {
        return isotropy.clone();
    }

    /** Kernel of the stage's strided convolution: (3,3,3) where isotropic, else (1,3,3). */
    long[] stageKernel(int stage) {
        return isotropy[stage] ? new long[] {3, 3, 3} : new long[] {1, 3, 3};
    }

    /** Stride of the stage's convolution: 1 at stage 0, then 2 in y-x and, where isotropic, in z. */
    long[] stageStride(int stage) {
        if (stage == 0) {
            return new long[] {1, 1, 1};
        }
        return isotropy[stage] ? new long[] {2, 2, 2} : new long[] {1, 2, 2};
    }

    /** Spatial size (z, y, x) of each stage's feature map for an input of the given size. */
    public int[][] featureSizes(int[] inputSize) {
        int[][] sizes = new int[5][];
        int[] size = inputSize.clone();
        for (int stage = 0; stage < 5; stage++) {
            long[] k = stageKernel(stage);
            long[] s = stageStride(stage);
            int[] next = new int[3];
            for (int d = 0; d < 3; d++) {
                next[d] = (int) ((size[d] + 2 * (k[d] / 2) - k[d]) / s[d] + 1);
            }
            sizes[stage] = next;
            size = next;
        }
        return sizes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m && architecture == m.architecture && squeezeExcitation == m.squeezeExcitation
                && Arrays.equals(filters, m.filters) && inPlanes == m.inPlanes && outPlanes == m.outPlanes
                && norm == m.norm && act == m.act && Arrays.equals(isotropy, m.isotropy)
                && replicatePadding == m.replicatePadding;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(filters) * 31 + architecture.hashCode();
    }

    @Override
    public String toString() {
        return architecture.key + (squeezeExcitation ? " residual_se" : " residual") + " filters "
                + Arrays.toString(filters) + " in " + inPlanes + " out " + outPlanes + " norm "
                + norm.name().toLowerCase(Locale.ROOT) + " act " + act.name().toLowerCase(Locale.ROOT);
    }
}
