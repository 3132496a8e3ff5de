package org.synapseworkbench.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.work.UserException;

/**
 * SGD with momentum, Adam and AdamW with PyTorch's update rules (DJL's own SGD scales its momentum buffer
 * by the learning rate, which differs once the rate changes). Updates run outside autograd, in place, and
 * clear the gradients afterwards. Optional gradient clipping by value (SOLVER.CLIP_GRADIENTS).
 */
public final class Solver implements org.synapseworkbench.model.OptimizerState {
    /** SOLVER.NAME. */
    public enum Kind {
        SGD, ADAM, ADAMW
    }

    private final Kind kind;
    private final double momentum;
    private final double beta1;
    private final double beta2;
    private final double epsilon = 1e-8;
    private final double clipValue;
    private final List<TrainableParameter> parameters;
    private final Map<String, NDArray[]> state = new LinkedHashMap<>();
    private long steps;

    /**
     * @param clipValue clip each gradient value to [-clipValue, clipValue]; 0 or less for no clipping
     */
    public Solver(Kind kind, List<TrainableParameter> parameters, double momentum, double beta1, double beta2,
            double clipValue) {
        this.kind = kind;
        this.parameters = List.copyOf(parameters);
        this.momentum = momentum;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.clipValue = clipValue;
        for (TrainableParameter p : parameters) {
            int buffers = kind == Kind.SGD ? 1 : 2;
            NDArray[] s = new NDArray[buffers];
            for (int i = 0; i < buffers; i++) {
                s[i] = p.array().zerosLike();
                s[i].attach(p.array().getManager());
            }
            state.put(p.name(), s);
        }
    }

    /** The optimiser a config's SOLVER section asks for, read without the engine. */
    public record Settings(Kind kind, double momentum, double beta1, double beta2, double clipValue) {
        public static Settings fromConfig(Config config) {
            String name = String.valueOf(config.solver().name());
            Kind kind = switch (name) {
                case "SGD" -> Kind.SGD;
                case "Adam" -> Kind.ADAM;
                case "AdamW" -> Kind.ADAMW;
                default -> throw new UserException("SOLVER.NAME " + name + " is not supported; use SGD, Adam or AdamW.");
            };
            List<Double> betas = config.solver().betas();
            if (betas == null || betas.size() != 2) {
                throw new UserException("SOLVER.BETAS needs two numbers (beta1, beta2), but is " + betas + ".");
            }
            double clip = 0;
            if (config.solver().clipGradientsEnabled()) {
                String type = config.solver().clipGradientsClipType();
                if (!"value".equals(type)) {
                    throw new UserException("SOLVER.CLIP_GRADIENTS.CLIP_TYPE " + type
                            + " is not supported; use value, or set SOLVER.CLIP_GRADIENTS.ENABLED False.");
                }
                clip = config.solver().clipGradientsClipValue();
                if (!(clip > 0) || Double.isInfinite(clip)) {
                    throw new UserException("SOLVER.CLIP_GRADIENTS.CLIP_VALUE is " + clip + " but must be a positive number.");
                }
            }
            if (config.solver().swaEnabled()) {
                throw new UserException("SOLVER.SWA.ENABLED is True, but stochastic weight averaging is not reproduced "
                        + "here; set it False.");
            }
            return new Settings(kind, config.solver().momentum(), betas.get(0), betas.get(1), clip);
        }
    }

    public static Solver fromConfig(Config config, List<TrainableParameter> parameters) {
        Settings s = Settings.fromConfig(config);
        return new Solver(s.kind(), parameters, s.momentum(), s.beta1(), s.beta2(), s.clipValue());
    }

    @Override
    public String kindName() {
        return kind.name();
    }

    public Kind kind() {
        return kind;
    }

    /** Applies one update with learning rate {@code lr} and clears the gradients. */
    public void step(double lr, NDManager scratch) {
        steps++;
        for (TrainableParameter p : parameters) {
            NDArray w = p.array();
            NDArray[] s = state.get(p.name());
            // temporaries of this update live in tmp; w and its buffers return to their manager after it
            try (NDManager tmp = scratch.newSubManager()) {
                w.tempAttach(tmp);
                for (NDArray b : s) {
                    b.tempAttach(tmp);
                }
                NDArray grad = w.getGradient();
                grad.attach(tmp);
                if (clipValue > 0) {
                    grad = grad.clip(-clipValue, clipValue);
                }
                switch (kind) {
                    case SGD -> {
                        if (p.weightDecay() != 0) {
                            grad = grad.add(w.mul(p.weightDecay()));
                        }
                        s[0].muli(momentum).addi(grad);
                        w.subi(s[0].mul(lr));
                    }
                    case ADAM, ADAMW -> {
                        if (kind == Kind.ADAMW && p.weightDecay() != 0) {
                            w.muli(1 - lr * p.weightDecay());
                        } else if (p.weightDecay() != 0) {
                            grad = grad.add(w.mul(p.weightDecay()));
                        }
                        s[0].muli(beta1).addi(grad.mul(1 - beta1));
                        s[1].muli(beta2).addi(grad.square().mul(1 - beta2));
                        double c1 = 1 - Math.pow(beta1, steps);
                        double c2 = 1 - Math.pow(beta2, steps);
                        NDArray denom = s[1].div(c2).sqrt().add(epsilon);
                        w.subi(s[0].div(denom).mul(lr / c1));
                    }
                }
            }
            JniUtils.zeroGrad((PtNDArray) w);
        }
    }

    /** Optimiser state for a checkpoint: per parameter name its buffers, and the step count. */
    @Override
    public Map<String, NDArray[]> state() {
        return state;
    }

    @Override
    public long stepCount() {
        return steps;
    }

    /** Restores buffers saved by {@link #state()}; parameters missing from {@code saved} keep zero buffers. */
    @Override
    public void restore(Map<String, NDArray[]> saved, long stepCount) {
        for (Map.Entry<String, NDArray[]> e : state.entrySet()) {
            NDArray[] from = saved.get(e.getKey());
            if (from == null || from.length != e.getValue().length) {
                continue;
            }
            for (int i = 0; i < from.length; i++) {
                if (!from[i].getShape().equals(e.getValue()[i].getShape())) {
                    throw new UserException("The checkpoint's optimiser state for " + e.getKey() + " has shape "
                            + from[i].getShape() + " but the model needs " + e.getValue()[i].getShape()
                            + "; the checkpoint belongs to another model.");
                }
                e.getValue()[i].set(from[i].toFloatArray());
            }
        }
        this.steps = stepCount;
    }
}
