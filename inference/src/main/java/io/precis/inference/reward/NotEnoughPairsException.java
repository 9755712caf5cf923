package io.precis.inference.reward;

/** Training was refused: there are too few preference pairs to learn from and to hold some out. */
public final class NotEnoughPairsException extends IllegalArgumentException {
    private final int pairs;
    private final int needed;

    public NotEnoughPairsException(int pairs, int needed) {
        super("The reward model needs at least " + needed + " preference pairs (some are held out to measure it); "
                + "there " + (pairs == 1 ? "is 1" : "are " + pairs) + ". Record more preferences or edits first.");
        this.pairs = pairs;
        this.needed = needed;
    }

    public int pairs() {
        return pairs;
    }

    public int needed() {
        return needed;
    }
}
