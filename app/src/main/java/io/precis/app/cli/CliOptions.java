package io.precis.app.cli;

import java.util.List;

/** The options of the app's one-off commands ({@code precis.cli.command}). */
public final class CliOptions {

    private CliOptions() {
    }

    /** The value of {@code flag}, given as "--flag value" or "--flag=value"; null when absent. */
    public static String option(List<String> args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(flag) && i + 1 < args.size()) return args.get(i + 1);
            if (arg.startsWith(flag + "=")) return arg.substring(flag.length() + 1);
        }
        return null;
    }
}
