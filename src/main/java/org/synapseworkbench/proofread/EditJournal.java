package org.synapseworkbench.proofread;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The label edits of a proofreading session as they happen, so that a crash or a kill loses at most the stroke in
 * progress. An append-only file: a header (magic, version, the volume's shape), then one record per edit, undo or
 * redo, each its payload's length and CRC-32 before the payload. Voxel indices are stored as varint gaps, values as
 * zigzag varints: a brush stroke costs a few bytes per voxel. Each record is written with one call as soon as it is
 * made (the operating system keeps it through a kill of the program). Reading stops at the first record that is cut
 * short or damaged, and appending then starts where the good records end.
 */
public final class EditJournal implements Closeable {
    private static final int MAGIC = 0x53574A4C; // "SWJL"
    private static final int VERSION = 1;
    private static final int HEADER = 4 + 4 + 3 * 4;
    private static final byte EDIT = 1;
    private static final byte UNDO = 2;
    private static final byte REDO = 3;
    /** Larger payloads are taken for damage: no stroke changes this many voxels. */
    private static final int MAX_PAYLOAD = 1 << 30;

    private final Path file;
    private final FileChannel channel;

    /** What a journal holds, in order. */
    public sealed interface Entry permits Edit, Undo, Redo {
    }

    public record Edit(LabelEdit edit) implements Entry {
    }

    public record Undo() implements Entry {
    }

    public record Redo() implements Entry {
    }

    /**
     * The entries of a journal file; {@code damaged} when its end was cut short or damaged (the entries before are
     * all there), {@code validBytes} where the good records end.
     */
    public record Contents(List<Entry> entries, boolean damaged, long validBytes) {
    }

    private EditJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens a journal for appending; a new file gets a header for a volume of {@code shape}. An existing one must be
     * of that shape; anything after its last good record is cut off first.
     */
    public static EditJournal open(Path file, int[] shape) {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            long valid = fresh ? 0 : read(file, shape).validBytes();
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (fresh) {
                ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                h.putInt(MAGIC).putInt(VERSION).putInt(shape[0]).putInt(shape[1]).putInt(shape[2]).flip();
                writeFully(ch, h);
                valid = HEADER;
            }
            ch.truncate(valid);
            ch.position(valid);
            return new EditJournal(file, ch);
        } catch (IOException e) {
            throw new UncheckedIOException("The edit journal " + file + " cannot be written (" + e.getMessage()
                    + "); check that its folder exists and is writable.", e);
        }
    }

    /** Reads a journal written for a volume of {@code shape}. */
    public static Contents read(Path file, int[] shape) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The edit journal " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < HEADER || b.getInt() != MAGIC) {
            throw new IllegalArgumentException(file + " is not an edit journal of Synapse Workbench; move it aside to "
                    + "start the corrections afresh.");
        }
        int version = b.getInt();
        int[] stored = {b.getInt(), b.getInt(), b.getInt()};
        if (version != VERSION) {
            throw new IllegalArgumentException("The edit journal " + file + " has version " + version + ", this program reads "
                    + VERSION + "; open it with the version that wrote it.");
        }
        if (!Arrays.equals(stored, shape)) {
            throw new IllegalArgumentException("The edit journal " + file + " is for a volume of " + Arrays.toString(stored)
                    + " voxels, not " + Arrays.toString(shape) + "; open the label volume it was made for.");
        }
        List<Entry> entries = new ArrayList<>();
        long valid = HEADER;
        CRC32 crc = new CRC32();
        while (b.remaining() >= 8) {
            int length = b.getInt();
            int sum = b.getInt();
            if (length <= 0 || length > MAX_PAYLOAD || length > b.remaining()) {
                return new Contents(entries, true, valid);
            }
            crc.reset();
            crc.update(all, b.position(), length);
            if ((int) crc.getValue() != sum) {
                return new Contents(entries, true, valid);
            }
            ByteBuffer payload = ByteBuffer.wrap(all, b.position(), length).slice();
            b.position(b.position() + length);
            Entry e = decode(payload);
            if (e == null) {
                return new Contents(entries, true, valid);
            }
            entries.add(e);
            valid = b.position();
        }
        return new Contents(entries, b.hasRemaining(), valid);
    }

    public Path file() {
        return file;
    }

    public void edit(LabelEdit e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 6 * e.size());
        out.write(EDIT);
        byte[] what = e.what().getBytes(StandardCharsets.UTF_8);
        varint(out, what.length);
        out.write(what, 0, what.length);
        varint(out, e.size());
        long last = -1;
        for (long v : e.voxels()) {
            varint(out, v - last - 1);
            last = v;
        }
        for (long v : e.before()) {
            varint(out, zigzag(v));
        }
        for (long v : e.after()) {
            varint(out, zigzag(v));
        }
        append(out.toByteArray());
    }

    public void undo() {
        append(new byte[] {UNDO});
    }

    public void redo() {
        append(new byte[] {REDO});
    }

    private void append(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer r = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        try {
            writeFully(channel, r);
        } catch (IOException e) {
            throw new UncheckedIOException("The edit could not be written to the journal " + file + " (" + e.getMessage()
                    + "); save the corrections now, to a disk with space.", e);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The journal " + file + " could not be closed: " + e.getMessage(), e);
        }
    }

    /** The entry of a payload, or null when it does not parse. */
    private static Entry decode(ByteBuffer p) {
        try {
            byte type = p.get();
            switch (type) {
                case UNDO:
                    return p.hasRemaining() ? null : new Undo();
                case REDO:
                    return p.hasRemaining() ? null : new Redo();
                case EDIT:
                    byte[] what = new byte[(int) readVarint(p)];
                    p.get(what);
                    int n = (int) readVarint(p);
                    long[] voxels = new long[n];
                    long[] before = new long[n];
                    long[] after = new long[n];
                    long last = -1;
                    for (int i = 0; i < n; i++) {
                        last += readVarint(p) + 1;
                        voxels[i] = last;
                    }
                    for (int i = 0; i < n; i++) {
                        before[i] = unzigzag(readVarint(p));
                    }
                    for (int i = 0; i < n; i++) {
                        after[i] = unzigzag(readVarint(p));
                    }
                    return p.hasRemaining() ? null : new Edit(new LabelEdit(new String(what, StandardCharsets.UTF_8), voxels, before, after));
                default:
                    return null;
            }
        } catch (RuntimeException e) { // a payload cut or damaged in a way its CRC did not catch
            return null;
        }
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(ByteBuffer p) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = p.get();
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
