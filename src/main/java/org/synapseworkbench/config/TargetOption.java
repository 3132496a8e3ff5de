package org.synapseworkbench.config;

/** PyTC's TARGET_OPT codes and the number of output channels each needs. */
public final class TargetOption {
    private TargetOption() {
    }

    /**
     * Output channels for a target code: "0" (binary mask) 1, "1" (pre, post, union) 3, "1-1" (exclusive
     * background, pre, post) 3, "2" (affinity) 3, "3" to "6" (masks, boundaries, distance maps) 1, "9-N" (N
     * semantic classes) N. Null when the code is one we cannot count.
     */
    public static Integer channels(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        String head = code.split("-", 2)[0];
        return switch (head) {
            case "0", "3", "4", "5", "6" -> 1;
            case "1" -> code.equals("1") || code.startsWith("1-") ? 3 : null;
            case "2" -> code.equals("2") ? 3 : null;
            case "9" -> {
                String[] parts = code.split("-");
                yield parts.length == 2 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : null;
            }
            default -> null;
        };
    }
}
