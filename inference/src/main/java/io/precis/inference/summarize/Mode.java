package io.precis.inference.summarize;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a request asks to combine its documents; {@link #AUTO} lets the size and number of documents decide. */
public enum Mode {
    AUTO("auto"), SINGLE("single"), MAP_REDUCE("map-reduce"), REFINE("refine");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The name used in the API, the UI and {@link Summary#strategy()}: "auto", "single", "map-reduce", "refine". */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the valid labels */
    public static Mode parse(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(m -> m.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mode must be one of "
                        + Arrays.stream(values()).map(m -> "\"" + m.label + "\"").collect(Collectors.joining(", "))
                        + ", not \"" + label + "\""));
    }
}
