package io.precis.inference.summarize;

/**
 * Preset summary lengths; see {@link LengthTarget#of(Length)} for their word budgets. {@link #AUTO} scales the
 * budget with the size of the input (see {@link LengthTarget#auto()}).
 */
public enum Length {
    SHORT,
    MEDIUM,
    LONG,
    AUTO
}
