package org.synapseworkbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.Batch;
import org.synapseworkbench.data.BatchLoader;
import org.synapseworkbench.data.BatchMaker;
import org.synapseworkbench.data.Sampler;
import org.synapseworkbench.data.SamplingFocus;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.data.TrainingSet;
import org.synapseworkbench.data.augment.Augmentor;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.model.ModelSpec;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.model.UNet3d;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * One training run of a config: builds the model, the data pipeline and the optimiser, optionally resumes
 * from a checkpoint, then steps until ITERATION_TOTAL or until cancelled, writing checkpoints every
 * ITERATION_SAVE iterations and when it stops. {@link #run(Progress, Cancellation)} blocks: call it on a background
 * thread and cancel or pause through its {@link Cancellation} from any other. Each step runs in its own NDManager, so
 * native memory stays flat.
 */
public final class TrainingRun {
    /** The task name training reports its iterations under. */
    public static final String TRAINING = "training";

    /**
     * @param checkpoint resume from (or, with SOLVER.ITERATION_RESTART True, start from the weights of) this file; null
     * @param workingDirectory what relative DATASET paths are relative to
     * @param seed seeds weights, sampling and augmentation
     * @param loaderThreads threads preparing batches (0 = from SYSTEM.NUM_CPUS)
     */
    public record Options(Path checkpoint, DeviceChoice device, long seed, Path workingDirectory, int loaderThreads) {
        public static Options defaults() {
            return new Options(null, DeviceChoice.AUTO, 1, Path.of(""), 0);
        }

        public Options withCheckpoint(Path file) {
            return new Options(file, device, seed, workingDirectory, loaderThreads);
        }
    }

    private final Config config;
    private final Options options;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ModelProbe probe;
    private TrainingSet data;
    private SamplingFocus focus;

    public TrainingRun(Config config, Options options) {
        this.config = config;
        this.options = options;
    }

    /**
     * Trains on {@code set} instead of the config's DATASET volumes (the caller keeps and closes it), with crops placed
     * on the voxels of {@code focus} (null for none) more often: fine-tuning on a person's corrections, say.
     */
    public void useData(TrainingSet set, SamplingFocus focus) {
        this.data = set;
        this.focus = focus;
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    /** Work to do with the model after every iteration (null for none); may be set while the run goes. */
    public void setProbe(ModelProbe p) {
        probe = p;
    }

    /** The folder checkpoints and TensorBoard logs go to (DATASET.OUTPUT_PATH). */
    public Path outputDirectory() {
        String out = config.dataset().outputPath();
        return options.workingDirectory().resolve(out == null || out.isBlank() ? "outputs" : out);
    }

    /** Checkpoint file name for an iteration count. */
    public static String checkpointName(long iteration) {
        return String.format(Locale.ROOT, "checkpoint_%06d.ckpt", iteration);
    }

    /** Trains with no progress reported and no way to stop but the iteration total; see {@link #run(Progress, Cancellation)}. */
    public TrainingEnd run() {
        return run(Progress.NONE, new Cancellation());
    }

    /**
     * Trains; returns how it ended. {@code progress} hears iterations done of ITERATION_TOTAL ({@link #TRAINING});
     * {@code control} holds the run before its next step while paused (the model, data and optimiser stay as they
     * are) and, once cancelled, stops it after the current step with a checkpoint written. User mistakes (bad paths,
     * bad config) are thrown as {@link UserException}; listeners hear of any error as a
     * {@link TrainingEnd.Reason#FAILED} end before it is thrown.
     */
    public TrainingEnd run(Progress progress, Cancellation control) {
        try {
            TorchEngine.requireTrainingKernels();
            TorchEngine.useOnThisThread();
            return train(progress, control);
        } catch (RuntimeException e) {
            TrainingEnd end = new TrainingEnd(TrainingEnd.Reason.FAILED, 0, null,
                    e instanceof UserException ? e.getMessage() : "Training failed: " + e);
            listeners.forEach(l -> l.finished(end));
            throw e;
        }
    }

    private TrainingEnd train(Progress progress, Cancellation control) {
        TrainingSettings settings = TrainingSettings.fromConfig(config);
        long total = settings.total();
        Checkpoint checkpoint = options.checkpoint() == null ? null : Checkpoint.read(options.checkpoint());
        long first = checkpoint == null || settings.restart() ? 0 : checkpoint.iteration();
        if (first >= total) {
            throw new UserException("The checkpoint " + options.checkpoint() + " is at iteration " + first
                    + ", which is not below SOLVER.ITERATION_TOTAL " + total + ", so there is nothing left to train; raise "
                    + "SOLVER.ITERATION_TOTAL (e.g. SOLVER.ITERATION_TOTAL " + (first + total) + ") or fine-tune from its "
                    + "weights with SOLVER.ITERATION_RESTART True.");
        }

        Path outDir = outputDirectory();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UserException("The output folder " + outDir + " cannot be created (" + e.getMessage()
                    + "); set DATASET.OUTPUT_PATH to a folder you can write.");
        }
        try (OutputFolderLock lock = OutputFolderLock.acquire(outDir)) {
            return train(settings, checkpoint, first, outDir, progress, control);
        }
    }

    private TrainingEnd train(TrainingSettings settings, Checkpoint checkpoint, long first, Path outDir, Progress progress,
            Cancellation control) {
        ModelSpec spec = settings.spec();
        LossFunction lossFunction = settings.loss();
        int[] inputSize = settings.inputSize();
        int batchSize = settings.batchSize();
        long total = settings.total();
        int saveEvery = settings.saveEvery();
        int snapshotEvery = settings.snapshotEvery();
        boolean restart = settings.restart();
        Device device = options.device().resolve(settings.gpus());
        Augmentor augmentor = settings.augmentor();
        TrainingSet set = data != null ? data : TrainingSet.fromConfig(config, options.workingDirectory());
        TrainingSet owned = data != null ? null : set; // closed at the end when the run opened it
        Sampler sampler;
        try {
            sampler = new Sampler(set, augmentor, inputSize, settings.rejectSize(), settings.rejectP(),
                    settings.rejectTrials(), focus);
        } catch (RuntimeException e) {
            if (owned != null) {
                owned.close();
            }
            throw e;
        }
        BatchMaker maker = new BatchMaker(lossFunction.targets(), lossFunction.weightOptions(), settings.mean(), settings.std());
        int threads = options.loaderThreads() > 0 ? options.loaderThreads()
                : Math.max(1, Math.min(settings.cpus(), Runtime.getRuntime().availableProcessors()));
        try (owned; NDManager manager = TorchEngine.get().newBaseManager(device);
                BatchLoader loader = new BatchLoader(sampler, maker, batchSize, options.seed(), first, threads, threads + 1)) {
            UNet3d net = new UNet3d(spec, options.seed());
            net.initialize(manager, DataType.FLOAT32, new Shape(batchSize, 1, inputSize[0], inputSize[1], inputSize[2]));
            if (checkpoint != null) {
                checkpoint.loadWeights(net, manager, options.checkpoint());
                // loaded arrays are new: make the trainable ones record gradients again
                for (Pair<String, Parameter> p : net.getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        p.getValue().getArray().setRequiresGradient(true);
                    }
                }
            }
            Solver solver = Solver.fromConfig(config, trainableParameters(net, config));
            if (checkpoint != null && !restart) {
                checkpoint.loadSolver(solver, manager);
            }
            LearningRateSchedule schedule = settings.schedule();
            ParameterStore store = new ParameterStore(manager, false);
            List<String> partNames = lossFunction.partNames();
            TrainingStart start = new TrainingStart(first, total, DeviceChoice.describe(device), spec.toString(),
                    net.trainableParameterCount(), partNames, outDir, options.checkpoint(), inputSize, batchSize);
            listeners.forEach(l -> l.started(start));

            Path lastCheckpoint = options.checkpoint();
            long done = first;
            double[] recent = new double[20];
            int recentCount = 0;
            long startNanos = System.nanoTime();
            while (done < total && !control.isCancelled()) {
                Batch batch;
                long t0;
                try {
                    control.holdWhilePaused();
                    if (control.isCancelled()) {
                        break;
                    }
                    t0 = System.nanoTime();
                    batch = loader.next();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    control.cancel();
                    break;
                }
                long t1 = System.nanoTime();
                double lr = schedule.at(done);
                double lossValue;
                double[] parts;
                Snapshot snapshot = null;
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(batch.image(), new Shape(batch.samples(), 1, batch.size()[0], batch.size()[1],
                            batch.size()[2])).toDevice(device, false);
                    LossFunction.Result result;
                    NDArray output;
                    try (GradientCollector collector = TorchEngine.get().newGradientCollector()) {
                        output = net.forward(store, new NDList(x), true).singletonOrThrow();
                        result = lossFunction.compute(output, batch, step);
                        collector.backward(result.total());
                    }
                    lossValue = result.total().getFloat();
                    parts = new double[result.parts().length];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = result.parts()[i].getFloat();
                    }
                    if (!Double.isFinite(lossValue)) {
                        String message = String.format(Locale.ROOT, "Training stopped at iteration %d: the loss became %s "
                                + "(learning rate %.3g); lower SOLVER.BASE_LR or check the labels.%s", done + 1, lossValue, lr,
                                lastCheckpoint == null ? "" : " The last good checkpoint is " + lastCheckpoint + ".");
                        TrainingEnd end = new TrainingEnd(TrainingEnd.Reason.DIVERGED, done, lastCheckpoint, message);
                        listeners.forEach(l -> l.finished(end));
                        return end;
                    }
                    solver.step(lr, step);
                    if ((done + 1) % snapshotEvery == 0 && !listeners.isEmpty()) {
                        snapshot = snapshot(done + 1, x, output, batch, lossFunction.targets().get(0));
                    }
                }
                done++;
                long t2 = System.nanoTime();
                double seconds = (t2 - t0) / 1e9;
                recent[recentCount++ % recent.length] = seconds;
                double mean = 0;
                int k = Math.min(recentCount, recent.length);
                for (int i = 0; i < k; i++) {
                    mean += recent[i];
                }
                mean /= k;
                IterationStats stats = new IterationStats(done, total, lossValue, parts, lr, seconds, (t1 - t0) / 1e9,
                        mean * (total - done));
                listeners.forEach(l -> l.iteration(stats));
                progress.update(TRAINING, done - first, total - first, (t2 - startNanos) / 1e9);
                if (snapshot != null) {
                    Snapshot s = snapshot;
                    listeners.forEach(l -> l.snapshot(s));
                }
                ModelProbe p = probe;
                if (p != null) {
                    p.probe(done, net, manager);
                }
                if (done % saveEvery == 0 || done == total) {
                    lastCheckpoint = save(outDir, done, net, solver, lastCheckpoint);
                }
            }
            if (control.isCancelled()) {
                if (done > first) {
                    lastCheckpoint = save(outDir, done, net, solver, lastCheckpoint);
                }
                TrainingEnd end = new TrainingEnd(TrainingEnd.Reason.CANCELLED, done, lastCheckpoint,
                        "Training stopped at iteration " + done + (lastCheckpoint == null ? "." : "; checkpoint " + lastCheckpoint + "."));
                listeners.forEach(l -> l.finished(end));
                return end;
            }
            TrainingEnd end = new TrainingEnd(TrainingEnd.Reason.FINISHED, done, lastCheckpoint,
                    "Training finished at iteration " + done + (lastCheckpoint == null ? "." : "; checkpoint " + lastCheckpoint + "."));
            listeners.forEach(l -> l.finished(end));
            return end;
        }
    }

    private Path save(Path outDir, long iteration, UNet3d net, Solver solver, Path previous) {
        Path file = outDir.resolve(checkpointName(iteration));
        try {
            Checkpoint.save(file, iteration, config, net, solver);
        } catch (IOException e) {
            throw checkpointNotWritten(file, previous, e);
        }
        listeners.forEach(l -> l.checkpointSaved(file, iteration));
        return file;
    }

    /** The sentence for a checkpoint that could not be written (a full disk, say): which file, and what is intact. */
    static UserException checkpointNotWritten(Path file, Path previous, IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
        return new UserException("The checkpoint " + file + " could not be written (" + reason + "); "
                + (previous == null ? "no checkpoint of this run was written before, and no file was left half-written"
                : "the previous checkpoint " + previous + " is intact") + ". Free space on that disk or set "
                + "DATASET.OUTPUT_PATH to another folder, then "
                + (previous == null ? "train again." : "resume with --checkpoint " + previous + "."), e);
    }

    /** Parameters with gradients and their weight decay: SOLVER.WEIGHT_DECAY for weights, the NORM/BIAS values otherwise. */
    static List<TrainableParameter> trainableParameters(UNet3d net, Config config) {
        double decay = config.solver().weightDecay();
        double decayNorm = config.solver().weightDecayNorm();
        double decayBias = config.solver().weightDecayBias();
        List<TrainableParameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            Parameter param = p.getValue();
            if (!param.requiresGradient()) {
                continue;
            }
            double wd = switch (param.getType()) {
                case WEIGHT -> decay;
                case BIAS -> decayBias;
                case GAMMA, BETA -> decayNorm;
                default -> 0;
            };
            out.add(new TrainableParameter(p.getKey(), param.getArray(), wd));
        }
        return out;
    }

    private static Snapshot snapshot(long iteration, NDArray x, NDArray output, Batch batch, TargetKind kind) {
        Shape s = x.getShape();
        int z = (int) s.get(2) / 2;
        int h = (int) s.get(3);
        int w = (int) s.get(4);
        float[] image = x.get(new NDIndex().addIndices(0, 0, z)).toFloatArray();
        NDArray pred = kind == TargetKind.POLARITY_CLASSES
                ? output.get(new NDIndex().addIndices(0)).softmax(0).get(new NDIndex().addIndices(1, z))
                : ai.djl.nn.Activation.sigmoid(output.get(new NDIndex().addIndices(0, 0, z)));
        float[] prediction = pred.toFloatArray();
        float[] target = new float[h * w];
        System.arraycopy(batch.targets().get(0), z * h * w, target, 0, h * w);
        return new Snapshot(iteration, h, w, image, target, prediction);
    }
}
