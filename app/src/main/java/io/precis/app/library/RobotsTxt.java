package io.precis.app.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A robots.txt (RFC 9309) as it applies to one crawler: the rules of the groups that name its product token
 * (case-insensitively), or else those of the {@code *} groups. The longest matching {@code Allow}/{@code Disallow}
 * pattern decides, {@code Allow} winning a tie; {@code *} matches any characters and a final {@code $} anchors the
 * end. {@code /robots.txt} itself is always allowed.
 */
public final class RobotsTxt {
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());
    public static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule(false, "/")));

    record Rule(boolean allow, String pattern) {
        boolean matches(String path) {
            return regex(pattern).matcher(path).lookingAt();
        }

        private static Pattern regex(String pattern) {
            boolean anchored = pattern.endsWith("$");
            String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
            StringBuilder re = new StringBuilder();
            String[] parts = p.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) re.append(".*");
                if (!parts[i].isEmpty()) re.append(Pattern.quote(parts[i]));
            }
            if (anchored) re.append('$');
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        }
    }

    private final List<Rule> rules;

    private RobotsTxt(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param content      the robots.txt file
     * @param productToken the crawler's name, e.g. {@code PrecisBot} (a User-Agent's first word without version)
     */
    public static RobotsTxt parse(String content, String productToken) {
        String token = productToken.strip().toLowerCase(Locale.ROOT);
        int cut = token.indexOf('/');
        if (cut >= 0) token = token.substring(0, cut);
        cut = token.indexOf(' ');
        if (cut >= 0) token = token.substring(0, cut);
        List<Rule> specific = new ArrayList<>();
        List<Rule> any = new ArrayList<>();
        boolean namesUs = false;
        List<String> agents = new ArrayList<>();
        List<Rule> groupRules = new ArrayList<>();
        boolean inRules = false;
        List<String> lines = new ArrayList<>(List.of(content.split("\r\n|\r|\n")));
        lines.add("user-agent: \u0000end"); // closes the last group
        for (String raw : lines) {
            String line = raw;
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    if (agents.contains(token)) {
                        namesUs = true;
                        specific.addAll(groupRules);
                    } else if (agents.contains("*")) {
                        any.addAll(groupRules);
                    }
                    agents = new ArrayList<>();
                    groupRules = new ArrayList<>();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (!value.isEmpty()) groupRules.add(new Rule(key.equals("allow"), value));
            }
            // sitemap, crawl-delay and the rest are not used
        }
        // A group that names the crawler replaces the * groups, even when it has no rules.
        return new RobotsTxt(namesUs ? specific : any);
    }

    /** Whether the crawler may fetch {@code pathAndQuery} (a path starting with "/", with its query if any). */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        if (path.equals("/robots.txt")) return true;
        Rule best = null;
        for (Rule rule : rules) {
            if (!rule.matches(path)) continue;
            if (best == null || rule.pattern().length() > best.pattern().length()
                    || (rule.pattern().length() == best.pattern().length() && rule.allow() && !best.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }
}
