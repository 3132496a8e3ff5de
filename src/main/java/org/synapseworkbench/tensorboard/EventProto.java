package org.synapseworkbench.tensorboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.protobuf.CodedOutputStream;

/**
 * Hand-written protobuf encoding of the few TensorFlow messages an event file needs, so that no generated
 * classes or protoc step are required. Field numbers, from tensorboard/compat/proto/{event,summary,histogram}.proto:
 * <pre>
 * Event          { double wall_time = 1; int64 step = 2;
 *                  oneof what { string file_version = 3; Summary summary = 5; } }
 * Summary        { repeated Value value = 1; }
 * Summary.Value  { string tag = 1; oneof value { float simple_value = 2; Image image = 4; HistogramProto histo = 5; } }
 * Summary.Image  { int32 height = 1; int32 width = 2; int32 colorspace = 3; bytes encoded_image_string = 4; }
 * HistogramProto { double min = 1; double max = 2; double num = 3; double sum = 4; double sum_squares = 5;
 *                  repeated double bucket_limit = 6 [packed]; repeated double bucket = 7 [packed]; }
 * </pre>
 * Oneof members are always written, even when zero, so that readers see which one is set.
 */
final class EventProto {
    static final String FILE_VERSION = "brain.Event:2";

    private static final int EVENT_WALL_TIME = 1;
    private static final int EVENT_STEP = 2;
    private static final int EVENT_FILE_VERSION = 3;
    private static final int EVENT_SUMMARY = 5;

    private static final int SUMMARY_VALUE = 1;

    private static final int VALUE_TAG = 1;
    private static final int VALUE_SIMPLE_VALUE = 2;
    private static final int VALUE_IMAGE = 4;
    private static final int VALUE_HISTO = 5;

    private static final int IMAGE_HEIGHT = 1;
    private static final int IMAGE_WIDTH = 2;
    private static final int IMAGE_COLORSPACE = 3;
    private static final int IMAGE_ENCODED = 4;

    private static final int HISTO_MIN = 1;
    private static final int HISTO_MAX = 2;
    private static final int HISTO_NUM = 3;
    private static final int HISTO_SUM = 4;
    private static final int HISTO_SUM_SQUARES = 5;
    private static final int HISTO_BUCKET_LIMIT = 6;
    private static final int HISTO_BUCKET = 7;

    private EventProto() {
    }

    /** The first event of every file: wall time and file version. */
    static byte[] fileVersionEvent(double wallTime) {
        return encode(out -> {
            out.writeDouble(EVENT_WALL_TIME, wallTime);
            out.writeString(EVENT_FILE_VERSION, FILE_VERSION);
        });
    }

    /** An event carrying a summary with one encoded {@code Summary.Value}. */
    static byte[] summaryEvent(double wallTime, long step, byte[] value) {
        byte[] summary = encode(out -> out.writeByteArray(SUMMARY_VALUE, value));
        return encode(out -> {
            out.writeDouble(EVENT_WALL_TIME, wallTime);
            out.writeInt64(EVENT_STEP, step);
            out.writeByteArray(EVENT_SUMMARY, summary);
        });
    }

    static byte[] scalarValue(String tag, float value) {
        return encode(out -> {
            out.writeString(VALUE_TAG, tag);
            out.writeFloat(VALUE_SIMPLE_VALUE, value);
        });
    }

    static byte[] imageValue(String tag, int height, int width, int colorspace, byte[] encodedImage) {
        byte[] image = encode(out -> {
            out.writeInt32(IMAGE_HEIGHT, height);
            out.writeInt32(IMAGE_WIDTH, width);
            out.writeInt32(IMAGE_COLORSPACE, colorspace);
            out.writeByteArray(IMAGE_ENCODED, encodedImage);
        });
        return encode(out -> {
            out.writeString(VALUE_TAG, tag);
            out.writeByteArray(VALUE_IMAGE, image);
        });
    }

    static byte[] histogramValue(String tag, Histogram h) {
        byte[] histo = encode(out -> {
            out.writeDouble(HISTO_MIN, h.min());
            out.writeDouble(HISTO_MAX, h.max());
            out.writeDouble(HISTO_NUM, h.num());
            out.writeDouble(HISTO_SUM, h.sum());
            out.writeDouble(HISTO_SUM_SQUARES, h.sumSquares());
            writePackedDoubles(out, HISTO_BUCKET_LIMIT, h.bucketLimits());
            writePackedDoubles(out, HISTO_BUCKET, h.bucketCounts());
        });
        return encode(out -> {
            out.writeString(VALUE_TAG, tag);
            out.writeByteArray(VALUE_HISTO, histo);
        });
    }

    private static void writePackedDoubles(CodedOutputStream out, int field, double[] values) throws IOException {
        if (values.length == 0) {
            return;
        }
        out.writeTag(field, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(values.length * Double.BYTES);
        for (double v : values) {
            out.writeDoubleNoTag(v);
        }
    }

    private interface Body {
        void writeTo(CodedOutputStream out) throws IOException;
    }

    private static byte[] encode(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.writeTo(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode an event in memory", e); // cannot happen
        }
    }
}
