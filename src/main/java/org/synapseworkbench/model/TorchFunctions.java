package org.synapseworkbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch functions that DJL does not expose, run as tiny TorchScript modules (resources {@code *.pt}, made by
 * {@code torchscript_functions.py} beside them) with autograd on. Replicate padding written with DJL
 * primitives instead (edge slices and concatenation) made a training step 1.6 times slower, because every
 * slice costs an input-sized gradient in backward.
 */
final class TorchFunctions {
    private static final Map<String, PtSymbolBlock> MODULES = new ConcurrentHashMap<>();

    private TorchFunctions() {
    }

    /** PyTorch's {@code F.pad(x, ..., mode="replicate")} by {@code pad} voxels on both sides of z, y and x. */
    static NDArray replicatePad(NDArray x, long[] pad) {
        return call("replicate_pad.pt", x, pad);
    }

    private static NDArray call(String resource, NDArray x, long[] argument) {
        Device device = x.getDevice();
        PtSymbolBlock module = MODULES.computeIfAbsent(resource + "@" + device, k -> load(resource, device));
        NDArray arg = x.getManager().create(argument);
        return IValueUtils.forward(module, new NDList(x, arg), true).singletonOrThrow();
    }

    private static PtSymbolBlock load(String resource, Device device) {
        PtNDManager manager = (PtNDManager) TorchEngine.get().newBaseManager(device);
        try (InputStream in = TorchFunctions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the program");
            }
            return JniUtils.loadModule(manager, in, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
