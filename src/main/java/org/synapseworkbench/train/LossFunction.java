package org.synapseworkbench.train;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.Batch;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.work.UserException;

/**
 * The total training loss: the sum of LOSS_WEIGHT x loss over every configured loss of every target, plus
 * the non-overlap regulariser where REGU_OPT asks for it. Constants are arrays of the step's manager (not
 * Java numbers) so that autograd keeps them until backward.
 */
public final class LossFunction {
    private final List<TargetKind> targets;
    private final List<LossTerm> terms;
    private final List<Regulariser> regularisers;

    /** A non-overlap regulariser: mean(sigmoid(a) x sigmoid(b)) over two output channels, times a factor. */
    public record Regulariser(int channelA, int channelB, double factor) {
        public String name() {
            return "regu/Nonoverlap";
        }
    }

    public LossFunction(List<TargetKind> targets, List<LossTerm> terms, List<Regulariser> regularisers) {
        this.targets = List.copyOf(targets);
        this.terms = List.copyOf(terms);
        this.regularisers = List.copyOf(regularisers);
    }

    /** Targets, losses and regularisers of a config's MODEL section, checked against OUT_PLANES. */
    public static LossFunction fromConfig(Config config) {
        List<String> codes = config.model().targetOpt();
        List<List<String>> losses = stringTable(config.model().lossOption(), "MODEL.LOSS_OPTION");
        List<List<String>> acts = stringTable(config.model().outputAct(), "MODEL.OUTPUT_ACT");
        List<List<String>> weightOpts = stringTable(config.model().weightOpt(), "MODEL.WEIGHT_OPT");
        Object factorsValue = config.model().lossWeight();
        List<TargetKind> kinds = new ArrayList<>();
        List<LossTerm> terms = new ArrayList<>();
        int channel = 0;
        for (int t = 0; t < codes.size(); t++) {
            TargetKind kind = TargetKind.of(codes.get(t));
            kinds.add(kind);
            if (t >= losses.size()) {
                throw new UserException("MODEL.TARGET_OPT has " + codes.size() + " targets but MODEL.LOSS_OPTION lists losses for "
                        + losses.size() + "; give a list of losses per target.");
            }
            for (int l = 0; l < losses.get(t).size(); l++) {
                LossKind loss = LossKind.of(losses.get(t).get(l));
                String act = cell(acts, t, l, "none");
                String weightOpt = cell(weightOpts, t, l, "0");
                double factor = number(factorsValue, t, l, 1.0);
                double[] classWeights = classWeights(config, t, l);
                if (loss == LossKind.WEIGHTED_CE && kind != TargetKind.POLARITY_CLASSES) {
                    throw new UserException("WeightedCE needs class targets (TARGET_OPT \"1-1\"), but target " + t + " is \""
                            + kind.code + "\"; use WeightedBCEWithLogitsLoss for it.");
                }
                if (kind == TargetKind.POLARITY_CLASSES && loss != LossKind.WEIGHTED_CE && loss != LossKind.DICE) {
                    throw new UserException("TARGET_OPT \"1-1\" holds classes and trains with WeightedCE or DiceLoss, but "
                            + "MODEL.LOSS_OPTION gives " + loss.key + " for it.");
                }
                if (kind == TargetKind.POLARITY_CLASSES && loss == LossKind.DICE && !act.equals("softmax")) {
                    throw new UserException("DiceLoss on the classes of TARGET_OPT \"1-1\" compares class probabilities; set its "
                            + "MODEL.OUTPUT_ACT to softmax (it is " + act + ").");
                }
                if (!weightOpt.equals("0") && !weightOpt.equals("1")) {
                    throw new UserException("MODEL.WEIGHT_OPT \"" + weightOpt + "\" is not supported; use \"0\" or \"1\".");
                }
                terms.add(new LossTerm(t, l, loss, channel, kind.outputChannels(), factor, act, weightOpt.equals("1"),
                        classWeights));
            }
            channel += kind.outputChannels();
        }
        int outPlanes = config.model().outPlanes();
        if (channel != outPlanes) {
            throw new UserException("MODEL.TARGET_OPT " + codes + " needs " + channel + " output channels but MODEL.OUT_PLANES is "
                    + outPlanes + "; set MODEL.OUT_PLANES " + channel + ".");
        }
        List<Regulariser> regus = new ArrayList<>();
        List<String> reguOpt = config.model().reguOpt();
        if (reguOpt != null) {
            List<Double> reguWeight = config.model().reguWeight();
            for (int r = 0; r < reguOpt.size(); r++) {
                if (!reguOpt.get(r).equals("Nonoverlap")) {
                    throw new UserException("MODEL.REGU_OPT " + reguOpt.get(r) + " is not supported; the workbench has Nonoverlap.");
                }
                double w = reguWeight != null && r < reguWeight.size() ? reguWeight.get(r) : 1.0;
                regus.add(new Regulariser(0, 1, w));
            }
        }
        return new LossFunction(kinds, terms, regus);
    }

    public List<TargetKind> targets() {
        return targets;
    }

    public List<LossTerm> terms() {
        return terms;
    }

    /** Names of the reported parts, in the order of {@link Result#parts()}. */
    public List<String> partNames() {
        List<String> names = new ArrayList<>();
        terms.forEach(t -> names.add(t.name()));
        regularisers.forEach(r -> names.add(r.name()));
        return names;
    }

    /** WEIGHT_OPT per target and loss, as the batch maker needs it. */
    public List<List<String>> weightOptions() {
        List<List<String>> out = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            out.add(new ArrayList<>());
        }
        for (LossTerm term : terms) {
            out.get(term.target()).add(term.weighted() ? "1" : "0");
        }
        return out;
    }

    /** The total (a scalar that backward starts from) and each part before its factor. */
    public record Result(NDArray total, NDArray[] parts) {
    }

    /** Computes the loss of {@code output} (N, OUT_PLANES, Z, Y, X) against the batch, in {@code manager}. */
    public Result compute(NDArray output, Batch batch, NDManager manager) {
        Shape shape = output.getShape();
        long n = shape.get(0);
        long[] spatial = {shape.get(2), shape.get(3), shape.get(4)};
        NDArray total = null;
        NDArray[] parts = new NDArray[terms.size() + regularisers.size()];
        NDArray[] targetArrays = new NDArray[targets.size()];
        for (int i = 0; i < terms.size(); i++) {
            LossTerm term = terms.get(i);
            TargetKind kind = targets.get(term.target());
            if (targetArrays[term.target()] == null) {
                targetArrays[term.target()] = manager.create(batch.targets().get(term.target()),
                        new Shape(n, kind.channels, spatial[0], spatial[1], spatial[2])).toDevice(output.getDevice(), false);
            }
            NDArray out = output.get(new NDIndex().addAllDim().addSliceDim(term.firstChannel(),
                    term.firstChannel() + term.channels()));
            float[] w = batch.weights().get(term.target()).get(term.loss());
            NDArray weight = w == null ? null
                    : manager.create(w, new Shape(n, kind.channels, spatial[0], spatial[1], spatial[2]))
                            .toDevice(output.getDevice(), false);
            NDArray value = term(term, out, targetArrays[term.target()], weight, manager);
            parts[i] = value;
            NDArray scaled = value.mul(constant(manager, output, term.factor()));
            total = total == null ? scaled : total.add(scaled);
        }
        for (int r = 0; r < regularisers.size(); r++) {
            Regulariser regu = regularisers.get(r);
            NDArray a = Activation.sigmoid(output.get(new NDIndex().addAllDim().addIndices(regu.channelA())));
            NDArray b = Activation.sigmoid(output.get(new NDIndex().addAllDim().addIndices(regu.channelB())));
            NDArray value = a.mul(b).mean();
            parts[terms.size() + r] = value;
            NDArray scaled = value.mul(constant(manager, output, regu.factor()));
            total = total == null ? scaled : total.add(scaled);
        }
        return new Result(total, parts);
    }

    private static NDArray term(LossTerm term, NDArray out, NDArray target, NDArray weight, NDManager m) {
        return switch (term.kind()) {
            case WEIGHTED_BCE_WITH_LOGITS -> {
                NDArray x = activate(out, term.activation());
                // max(x, 0) - x t + log(1 + exp(-|x|)), the stable form of BCE on logits
                NDArray loss = Activation.relu(x).sub(x.mul(target)).add(Activation.softPlus(x.abs().neg()));
                yield weighted(loss, weight);
            }
            case WEIGHTED_BCE -> {
                NDArray p = activate(out, term.activation()).clip(1e-7, 1 - 1e-7);
                NDArray one = constant(m, out, 1);
                NDArray loss = target.mul(p.log()).add(one.sub(target).mul(one.sub(p).log())).neg();
                yield weighted(loss, weight);
            }
            case WEIGHTED_MSE -> weighted(activate(out, term.activation()).sub(target).square(), weight);
            case DICE -> {
                if (term.channels() > 1 && target.getShape().get(1) == 1) {
                    yield classDice(activate(out, term.activation()), target, m);
                }
                NDArray p = activate(out, term.activation());
                long n = p.getShape().get(0);
                NDArray pf = p.reshape(n, -1);
                NDArray tf = target.reshape(n, -1);
                NDArray smooth = constant(m, out, 100);
                NDArray two = constant(m, out, 2);
                NDArray one = constant(m, out, 1);
                NDArray inter = pf.mul(tf).sum(new int[] {1});
                NDArray ratio = inter.mul(two).add(smooth).div(pf.sum(new int[] {1}).add(tf.sum(new int[] {1})).add(smooth));
                yield one.sub(ratio).mean();
            }
            case WEIGHTED_CE -> {
                NDArray logp = activate(out, term.activation()).logSoftmax(1);
                long classes = out.getShape().get(1);
                NDArray classIndex = target; // (N, 1, Z, Y, X) of 0..C-1
                NDArray range = m.arange(0f, (float) classes).reshape(1, classes, 1, 1, 1).toDevice(out.getDevice(), false);
                NDArray oneHot = classIndex.eq(range).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                if (term.classWeights() != null) {
                    float[] cw = new float[(int) classes];
                    for (int c = 0; c < classes; c++) {
                        cw[c] = c < term.classWeights().length ? (float) term.classWeights()[c] : 1f;
                    }
                    oneHot = oneHot.mul(m.create(cw, new Shape(1, classes, 1, 1, 1)).toDevice(out.getDevice(), false));
                }
                if (weight != null) {
                    oneHot = oneHot.mul(weight);
                }
                yield oneHot.mul(logp).sum(new int[] {1}).mean().neg();
            }
        };
    }

    /**
     * Soft Dice of class probabilities (N, C, Z, Y, X) against a class-index target (N, 1, Z, Y, X): per sample and
     * foreground class (1..C-1; background left out, it would dominate) 1 - (2 sum(p t) + 100) / (sum p + sum t + 100),
     * the smoothing of the binary DiceLoss, averaged. Where cross-entropy with class weights widens the masks to buy
     * recall, this term charges a voxel painted outside a mask as much as one missed inside it.
     */
    private static NDArray classDice(NDArray p, NDArray classIndex, NDManager m) {
        Shape shape = p.getShape();
        long n = shape.get(0);
        long classes = shape.get(1);
        NDArray range = m.arange(1f, (float) classes).reshape(1, classes - 1, 1, 1, 1).toDevice(p.getDevice(), false);
        NDArray t = classIndex.eq(range).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).reshape(n, classes - 1, -1);
        NDArray pf = p.get(new NDIndex().addAllDim().addSliceDim(1, classes)).reshape(n, classes - 1, -1);
        NDArray smooth = constant(m, p, 100);
        NDArray inter = pf.mul(t).sum(new int[] {2});
        NDArray ratio = inter.mul(constant(m, p, 2)).add(smooth)
                .div(pf.sum(new int[] {2}).add(t.sum(new int[] {2})).add(smooth));
        return constant(m, p, 1).sub(ratio).mean();
    }

    private static NDArray weighted(NDArray loss, NDArray weight) {
        return (weight == null ? loss : loss.mul(weight)).mean();
    }

    static NDArray activate(NDArray x, String act) {
        return switch (act) {
            case "none" -> x;
            case "sigmoid" -> Activation.sigmoid(x);
            case "softmax" -> x.softmax(1);
            case "tanh" -> Activation.tanh(x);
            default -> throw new UserException("MODEL.OUTPUT_ACT " + act + " is not supported; use none, sigmoid, softmax or tanh.");
        };
    }

    private static NDArray constant(NDManager m, NDArray like, double v) {
        return m.create((float) v).toDevice(like.getDevice(), false);
    }

    private static String cell(List<List<String>> table, int t, int l, String fallback) {
        if (table == null || t >= table.size() || l >= table.get(t).size()) {
            return fallback;
        }
        return table.get(t).get(l);
    }

    private static double number(Object table, int t, int l, double fallback) {
        if (table instanceof List<?> rows && t < rows.size() && rows.get(t) instanceof List<?> row && l < row.size()
                && row.get(l) instanceof Number num) {
            return num.doubleValue();
        }
        return fallback;
    }

    /** class_weight from LOSS_KWARGS_KEY / LOSS_KWARGS_VAL ([[["class_weight"]]] / [[[[1.0, 10.0, 10.0]]]]). */
    private static double[] classWeights(Config config, int t, int l) {
        Object keys = config.model().lossKwargsKey();
        Object vals = config.model().lossKwargsVal();
        if (!(keys instanceof List<?> kt) || !(vals instanceof List<?> vt) || t >= kt.size() || t >= vt.size()) {
            return null;
        }
        if (!(kt.get(t) instanceof List<?> kl) || !(vt.get(t) instanceof List<?> vl) || l >= kl.size() || l >= vl.size()) {
            return null;
        }
        if (!(kl.get(l) instanceof List<?> names) || !(vl.get(l) instanceof List<?> values)) {
            return null;
        }
        for (int i = 0; i < names.size() && i < values.size(); i++) {
            if ("class_weight".equals(names.get(i)) && values.get(i) instanceof List<?> w) {
                double[] out = new double[w.size()];
                for (int c = 0; c < out.length; c++) {
                    out[c] = ((Number) w.get(c)).doubleValue();
                }
                return out;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> stringTable(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>();
        for (Object row : (List<?>) value) {
            List<String> r = new ArrayList<>();
            if (row instanceof List<?> cells) {
                cells.forEach(c -> r.add(String.valueOf(c)));
            } else {
                r.add(String.valueOf(row));
            }
            out.add(r);
        }
        return out;
    }
}
