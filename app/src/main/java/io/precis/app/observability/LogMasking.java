package io.precis.app.observability;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets and personal data in log text: Precis API keys ({@code pk_...}) and other well-known token formats, {@code Authorization} header values
 * and {@code Bearer} tokens, {@code password=...}-style values (also {@code secret}, {@code token}, {@code api_key},
 * ...; quoted, JSON-escaped or bare), e-mail addresses and phone numbers.
 * <p>
 * The patterns match ASCII (e-mail addresses may also hold non-ASCII bytes) and every replacement is ASCII, so the masking can run on encoded log bytes read as
 * ISO-8859-1 (one char per byte) without disturbing UTF-8 text around it; see {@link MaskingEncoder}. Masking errs on
 * the side of hiding: a false positive costs a readable word, a false negative a leaked secret.
 */
public final class LogMasking {
    public static final String MASK = "***";

    private static final String KEY_NAMES = "password|passwd|pwd|passphrase|secret|token|credentials?"
            + "|api[_-]key|access[_-]key|private[_-]key";

    private record Rule(Pattern pattern, Function<Matcher, String> replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // Precis API keys: "pk_" + 40 random characters.
            new Rule(Pattern.compile("(?<![A-Za-z0-9])pk_[A-Za-z0-9_-]+"), m -> "pk_" + MASK),
            // Other well-known secret formats: OpenAI-style "sk-...", Hugging Face "hf_...", GitHub tokens.
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(sk-|hf_|gh[pousr]_|github_pat_)[A-Za-z0-9_-]{16,}"), m -> m.group(1) + MASK),
            // Authorization header values, whatever the scheme: "Authorization: Bearer xyz", authorization="Basic ...".
            new Rule(Pattern.compile("(?i)(authorization(?:\\\\?[\"'])?[ \\t]*[:=][ \\t]*(?:\\\\?[\"'])?)"
                    + "(?:(?:bearer|basic|digest|token|apikey)[ \\t]+)?[^\\s\"'\\\\,;]+"),
                    m -> m.group(1) + MASK),
            // Bearer tokens wherever they appear.
            new Rule(Pattern.compile("(?i)\\b(bearer)[ \\t]+[A-Za-z0-9._~+/=-]{6,}"), m -> m.group(1) + " " + MASK),
            // key=value, key: value, "key":"value", \"key\":\"value\" for secret-looking keys (PGPASSWORD, db.password,
            // client_secret, x-api-key, ...). A quoted value is masked up to its closing quote.
            new Rule(Pattern.compile("(?i)(?<![A-Za-z0-9])([A-Za-z0-9_.-]*?(?:" + KEY_NAMES + "))(?![A-Za-z0-9])"
                    + "((?:\\\\?[\"'])?[ \\t]*[:=][ \\t]*)"
                    + "(?:(\\\\?[\"'])[^\"'\\\\\\r\\n]*|(?![\\\\\"'])[^\\s\"'\\\\,;&)}\\]]+)"),
                    m -> m.group(1) + m.group(2) + (m.group(3) != null ? m.group(3) : "") + MASK),
            // E-mail addresses (x80-xFF: the bytes of non-ASCII UTF-8 characters, read as ISO-8859-1).
            new Rule(Pattern.compile("(?<![A-Za-z0-9._%+\\x80-\\xFF-])[A-Za-z0-9._%+\\x80-\\xFF-]+"
                    + "@[A-Za-z0-9\\x80-\\xFF-]+(?:\\.[A-Za-z0-9\\x80-\\xFF-]+)*\\.[A-Za-z]{2,}"),
                    m -> MASK + "@" + MASK),
            // International phone numbers: +CC then 7 to 14 more digits, optionally grouped by spaces, dashes, dots or
            // parentheses.
            new Rule(Pattern.compile("(?<![A-Za-z0-9+])\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,5}\\)?){2,6}(?![A-Za-z0-9])"),
                    m -> digits(m.group()) >= 8 && digits(m.group()) <= 15 ? "+" + MASK : m.group()),
            // National numbers written in groups: (555) 123-4567, 555-123-4567, 020 7946 0958, 030 12345678.
            new Rule(Pattern.compile("(?<![A-Za-z0-9_.:/-])(?:\\(\\d{2,5}\\)|0?\\d{2,4})[ -]\\d{3,4}(?:[ -]\\d{3,4}|\\d{4,5})(?![A-Za-z0-9_.:/-])"),
                    m -> MASK));

    private LogMasking() {
    }

    /** The text with every secret and personal datum replaced; the same instance when nothing matched. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule rule : RULES) {
            out = apply(rule, out);
        }
        return out;
    }

    private static String apply(Rule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(rule.replacement().apply(m)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
