package org.synapseworkbench.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.synapseworkbench.data.augment.Crop;

/**
 * Prepares batches on worker threads ahead of the model. Batch i is made from seeds derived from the base
 * seed and i only, so the sequence is the same whatever the thread timing, and a resumed run continues it.
 */
public final class BatchLoader implements AutoCloseable {
    private final Sampler sampler;
    private final BatchMaker maker;
    private final int batchSize;
    private final long seed;
    private final int ahead;
    private final ExecutorService workers;
    private final Deque<Future<Batch>> queue = new ArrayDeque<>();
    private long nextToSubmit;

    /**
     * @param first index of the first batch (the iteration a run starts or resumes at)
     * @param threads worker threads
     * @param ahead batches kept in preparation
     */
    public BatchLoader(Sampler sampler, BatchMaker maker, int batchSize, long seed, long first, int threads, int ahead) {
        this.sampler = sampler;
        this.maker = maker;
        this.batchSize = batchSize;
        this.seed = seed;
        this.ahead = Math.max(1, ahead);
        this.nextToSubmit = first;
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "batch-loader");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        fill();
    }

    /** The next batch, waiting if it is not ready yet. */
    public Batch next() throws InterruptedException {
        Future<Batch> f = queue.removeFirst();
        fill();
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Builds batch {@code index} on the calling thread. */
    public Batch make(long index) {
        List<Crop> crops = new ArrayList<>(batchSize);
        for (int s = 0; s < batchSize; s++) {
            crops.add(sampler.sample(sampleSeed(seed, index * batchSize + s)));
        }
        return maker.make(index, crops);
    }

    private void fill() {
        while (queue.size() < ahead) {
            long index = nextToSubmit++;
            queue.addLast(workers.submit(() -> make(index)));
        }
    }

    /** A well-mixed seed for sample {@code n} (SplitMix64 finaliser). */
    static long sampleSeed(long seed, long n) {
        long z = seed + 0x9E3779B97F4A7C15L * (n + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
