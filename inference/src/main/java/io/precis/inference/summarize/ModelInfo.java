package io.precis.inference.summarize;

import java.util.Objects;

/** Identifies the summariser (and its version) that produced a summary. */
public record ModelInfo(String name, String version) {

    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
