package org.synapseworkbench.train;

import ai.djl.Device;

import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.work.UserException;

/** Where the model runs: the GPU when DJL finds one (and SYSTEM.NUM_GPUS allows it), else the CPU; or forced. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    /** The device to use; GPU forced on a machine without one is an error. */
    public Device resolve(int configuredGpus) {
        int gpus = TorchEngine.get().getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new UserException("No GPU is available to PyTorch on this machine; use --device cpu (or auto).");
                }
                yield Device.gpu();
            }
            case AUTO -> gpus > 0 && configuredGpus > 0 ? Device.gpu() : Device.cpu();
        };
    }

    /** A short description such as "cpu (2 threads)" or "gpu(0)". */
    public static String describe(Device device) {
        if (device.isGpu()) {
            return "gpu(" + device.getDeviceId() + ")";
        }
        return "cpu (" + ai.djl.pytorch.jni.JniUtils.getNumThreads() + " threads)";
    }
}
