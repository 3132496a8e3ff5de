package org.synapseworkbench.synth;

/**
 * Position-hashed noise: the same seed and coordinates always give the same value, whatever thread asks and in
 * whatever order, so generated volumes are identical run to run.
 */
final class Noise {
    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    /** A 64-bit hash of integer coordinates (SplitMix64 finaliser over a combination). */
    long hash(long x, long y, long z, long salt) {
        long h = seed ^ (salt * 0x9E3779B97F4A7C15L);
        h = mix(h ^ (x * 0xBF58476D1CE4E5B9L));
        h = mix(h ^ (y * 0x94D049BB133111EBL));
        h = mix(h ^ (z * 0xD6E8FEB86659FD93L));
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform(long x, long y, long z, long salt) {
        return (hash(x, y, z, salt) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box-Muller on two hashes). */
    double gaussian(long x, long y, long z, long salt) {
        double u1 = Math.max(1e-12, uniform(x, y, z, salt));
        double u2 = uniform(x, y, z, salt + 7919);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Smooth value noise in [-1, 1] at a real position (lattice spacing 1), trilinear with smoothstep. */
    double value(double x, double y, double z, long salt) {
        long x0 = (long) Math.floor(x);
        long y0 = (long) Math.floor(y);
        long z0 = (long) Math.floor(z);
        double fx = smooth(x - x0);
        double fy = smooth(y - y0);
        double fz = smooth(z - z0);
        double c000 = uniform(x0, y0, z0, salt);
        double c100 = uniform(x0 + 1, y0, z0, salt);
        double c010 = uniform(x0, y0 + 1, z0, salt);
        double c110 = uniform(x0 + 1, y0 + 1, z0, salt);
        double c001 = uniform(x0, y0, z0 + 1, salt);
        double c101 = uniform(x0 + 1, y0, z0 + 1, salt);
        double c011 = uniform(x0, y0 + 1, z0 + 1, salt);
        double c111 = uniform(x0 + 1, y0 + 1, z0 + 1, salt);
        double a = lerp(lerp(c000, c100, fx), lerp(c010, c110, fx), fy);
        double b = lerp(lerp(c001, c101, fx), lerp(c011, c111, fx), fy);
        return 2 * lerp(a, b, fz) - 1;
    }

    /** Two octaves of value noise, roughly in [-1, 1]. */
    double fbm(double x, double y, double z, long salt) {
        return 0.65 * value(x, y, z, salt) + 0.35 * value(2.03 * x, 2.03 * y, 2.03 * z, salt + 1);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
