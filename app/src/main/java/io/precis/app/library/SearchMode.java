package io.precis.app.library;

import java.util.Locale;

/** How passages are ranked: by embedding similarity, by full text, or both fused (relative score fusion, see Fusion). */
public enum SearchMode {
    HYBRID, VECTOR, TEXT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the valid modes */
    public static SearchMode parse(String s) {
        if (s == null || s.isBlank()) return HYBRID;
        for (SearchMode m : values()) {
            if (m.label().equals(s.strip().toLowerCase(Locale.ROOT))) return m;
        }
        throw new IllegalArgumentException("'mode' must be hybrid, vector or text, not '" + s + "'.");
    }
}
