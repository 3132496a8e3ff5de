package org.synapseworkbench.proofread;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Hdf5Writer;

/**
 * Writes corrected labels as a new HDF5 file, atomically (a temporary file renamed into place, so a crash leaves the
 * old file or the new one, never half of one): in CREMI's layout at its label path, or in PyTC's, one {@code main}
 * dataset per file, with the volume's resolution and offset. Values are written as they are, so CREMI's
 * background value (2^64 - 1) stays what it was.
 */
public final class CorrectionsWriter {
    /** Where in the file the labels go. */
    public enum Layout {
        CREMI_CLEFTS(Cremi.CLEFTS), CREMI_POLARITY(Cremi.POLARITY), PYTC("main");

        private final String dataset;

        Layout(String dataset) {
            this.dataset = dataset;
        }

        public String dataset() {
            return dataset;
        }
    }

    private CorrectionsWriter() {
    }

    /** Writes {@code labels} with every edit in effect to {@code target}. The labels are read whole first. */
    public static void save(EditedLabels labels, Path target, Layout layout) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("resolution", labels.resolution().clone());
        attributes.put("offset", labels.offset().clone());
        new Hdf5Writer().dataset(layout.dataset(), labels.readAll(), attributes).write(target);
    }
}
