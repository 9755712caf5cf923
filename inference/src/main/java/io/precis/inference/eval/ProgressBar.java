package io.precis.inference.eval;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar on one line that is redrawn with a carriage return:
 * {@code label [#########...........]  45/100  45%  ETA 0:31}. Redraws at most ten times a second (and always for
 * the last step); {@link #finish()} ends the line. Not thread-safe.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String label;
    private final int total;
    private final long startNanos;
    private long lastDraw;
    private int done;
    private boolean finished;

    ProgressBar(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(0, total);
        this.startNanos = System.nanoTime();
        draw(true);
    }

    /** One more step done. */
    void step() {
        done = Math.min(total, done + 1);
        draw(done == total);
    }

    /** Ends the line with the elapsed time. */
    void finish() {
        if (!finished) {
            finished = true;
            draw(true);
            out.print("  " + clock((System.nanoTime() - startNanos) / 1e9) + " elapsed\n");
            out.flush();
        }
    }

    int done() {
        return done;
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        out.print("\r" + line(now));
        out.flush();
    }

    String line(long now) {
        double fraction = total == 0 ? 1.0 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String width = String.valueOf(total);
        String eta;
        if (done == 0) {
            eta = "ETA --:--";
        } else if (done >= total) {
            eta = "ETA 0:00 ";
        } else {
            double elapsed = (now - startNanos) / 1e9;
            eta = "ETA " + clock(elapsed / done * (total - done));
        }
        return String.format(Locale.ROOT, "%s [%s] %" + width.length() + "d/%s %3d%%  %s",
                label, bar, done, width, Math.round(fraction * 100), eta);
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
