package org.synapseworkbench.train;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.synapseworkbench.tensorboard.EventFileWriter;
import org.synapseworkbench.tensorboard.GrayImages;

/**
 * Writes a run's progress as TensorBoard events under the output folder: every {@code scalarEvery} iterations
 * the total and per-term loss, learning rate and iterations per second; on each snapshot the input slice,
 * target and prediction as images.
 */
public final class TensorBoardListener implements TrainingListener {
    private final Path directory;
    private final int scalarEvery;
    private EventFileWriter writer;
    private List<String> names = List.of();

    public TensorBoardListener(Path directory, int scalarEvery) {
        this.directory = directory;
        this.scalarEvery = Math.max(1, scalarEvery);
    }

    @Override
    public void started(TrainingStart start) {
        writer = new EventFileWriter(directory);
        names = start.partNames();
    }

    @Override
    public void iteration(IterationStats s) {
        if (s.iteration() % scalarEvery != 0 && s.iteration() != s.total()) {
            return;
        }
        writer.scalar("loss/total", s.iteration(), s.loss());
        for (int i = 0; i < s.parts().length && i < names.size(); i++) {
            writer.scalar("loss/" + names.get(i), s.iteration(), s.parts()[i]);
        }
        writer.scalar("learning_rate", s.iteration(), s.learningRate());
        writer.scalar("iterations_per_second", s.iteration(), s.iterationsPerSecond());
    }

    @Override
    public void snapshot(Snapshot s) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : s.image()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        BufferedImage image = GrayImages.fromFloats(s.image(), s.height(), s.width(), min, max);
        writer.image("train/input", s.iteration(), image);
        writer.image("train/target", s.iteration(), GrayImages.fromFloats(s.target(), s.height(), s.width(), 0, 1));
        writer.image("train/prediction", s.iteration(), GrayImages.fromFloats(s.prediction(), s.height(), s.width(), 0, 1));
        writer.flush();
    }

    @Override
    public void checkpointSaved(Path file, long iteration) {
        writer.flush();
    }

    @Override
    public void finished(TrainingEnd end) {
        if (writer != null) {
            writer.close();
        }
    }
}
