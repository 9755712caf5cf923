package io.precis.inference.summarize;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises sentences that are page furniture rather than content: bylines, publication stamps, calls to action
 * ("Scroll down for video", "Click here"), links and share prompts, as web articles pasted or scraped into Precis
 * often contain. Such sentences are never worth a place in a summary.
 */
final class Boilerplate {

    private static final List<String> PREFIXES = List.of(
            "scroll down for", "scroll down to", "click here", "read more", "read the full", "share this",
            "follow us", "follow @", "sign up", "subscribe to", "advertisement", "published:", "updated:",
            "last updated", "copyright", "all rights reserved", "(video", "video:", "watch:", "watch the video",
            "related:", "(related", "(also on", "image copyright", "image caption", "photo:", "photograph:",
            "picture:", "pictures:", "caption:", "source:", "like us on", "download the", "email:",
            "contact:", "tags:", "filed under", "posted by", "posted on", "story highlights", "editor's note:");

    private static final Pattern STAMP = Pattern.compile(
            "(?i)\\b(published|updated|posted)\\s*:|\\|\\s*\\.?\\s*updated\\b|https?://|\\bwww\\.|\\S+@\\S+\\.\\w");

    /** "By . Daily Mail Reporter ." or "By JOHN SMITH": a byline of a few words. */
    private static final Pattern BYLINE = Pattern.compile("^(?i:by)\\s*\\.?\\s+[\\p{L}.'\\- ]{2,60}\\.?$");

    private Boilerplate() {
    }

    static boolean isBoilerplate(String sentence, int words) {
        String lower = sentence.toLowerCase(Locale.ROOT).stripLeading();
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        if (STAMP.matcher(sentence).find()) {
            return true;
        }
        return words <= 8 && BYLINE.matcher(sentence.strip()).matches();
    }
}
