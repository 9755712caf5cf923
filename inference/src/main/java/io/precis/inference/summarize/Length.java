package io.precis.inference.summarize;

/** Preset summary lengths; see {@link LengthTarget#of(Length)} for their word budgets. */
public enum Length {
    SHORT,
    MEDIUM,
    LONG
}
