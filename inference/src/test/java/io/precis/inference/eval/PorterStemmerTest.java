package io.precis.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected stems are NLTK 3.8 {@code PorterStemmer()} output (default NLTK_EXTENSIONS mode). */
class PorterStemmerTest {

    private final PorterStemmer stemmer = new PorterStemmer();

    /** Pairs of word and NLTK stem: the paper's examples per step, NLTK's extensions and its edge cases. */
    private static final String[] CASES = {
            // irregular forms
            "sky", "sky",
            "skies", "sky",
            "dying", "die",
            "lying", "lie",
            "tying", "tie",
            "news", "news",
            "innings", "inning",
            "inning", "inning",
            "outings", "outing",
            "canning", "canning",
            "cannings", "canning",
            "howe", "howe",
            "proceed", "proceed",
            "exceed", "exceed",
            "succeed", "succeed",
            // NLTK looks up the irregular form of the word as given, then stems the lowercased word
            "News", "new",
            "Skies", "ski",
            "Dying", "dy",
            // words of one or two characters are only lowercased
            "a", "a",
            "as", "as",
            "is", "is",
            "Is", "is",
            "by", "by",
            "ys", "ys",
            // step 1a, with NLTK's -ies on four-letter words
            "caresses", "caress",
            "ponies", "poni",
            "ties", "tie",
            "dies", "die",
            "lies", "lie",
            "flies", "fli",
            "caress", "caress",
            "cats", "cat",
            "gas", "ga",
            "this", "thi",
            // step 1b, with NLTK's -ied
            "feed", "feed",
            "agreed", "agre",
            "plastered", "plaster",
            "bled", "bled",
            "motoring", "motor",
            "sing", "sing",
            "died", "die",
            "spied", "spi",
            "cried", "cri",
            "conflated", "conflat",
            "troubled", "troubl",
            "sized", "size",
            "hopping", "hop",
            "tanned", "tan",
            "falling", "fall",
            "hissing", "hiss",
            "fizzed", "fizz",
            "failing", "fail",
            "filing", "file",
            "oed", "o",
            "aed", "a",
            "oing", "o",
            "meeting", "meet",
            "milling", "mill",
            "messing", "mess",
            "meetings", "meet",
            // step 1c: (*c and not c) Y -> I
            "happy", "happi",
            "enjoy", "enjoy",
            "spy", "spi",
            "fly", "fli",
            "try", "tri",
            "toy", "toy",
            "syzygy", "syzygi",
            "yyyy", "yyyi",
            // step 2, with NLTK's alli-first, bli, fulli and logi rules
            "relational", "relat",
            "conditional", "condit",
            "rational", "ration",
            "conditionally", "condit",
            "valenci", "valenc",
            "hesitanci", "hesit",
            "digitizer", "digit",
            "conformabli", "conform",
            "radicalli", "radic",
            "differentli", "differ",
            "vileli", "vile",
            "analogousli", "analog",
            "vietnamization", "vietnam",
            "predication", "predic",
            "operator", "oper",
            "feudalism", "feudal",
            "decisiveness", "decis",
            "hopefulness", "hope",
            "callousness", "callous",
            "formaliti", "formal",
            "sensitiviti", "sensit",
            "sensibiliti", "sensibl",
            "hopefully", "hope",
            "generally", "gener",
            "geology", "geolog",
            "theology", "theolog",
            "archaeology", "archaeolog",
            "analogy", "analog",
            "traditional", "tradit",
            "generously", "gener",
            // step 3
            "triplicate", "triplic",
            "formative", "form",
            "formalize", "formal",
            "electriciti", "electr",
            "electrical", "electr",
            "hopeful", "hope",
            "goodness", "good",
            // step 4
            "revival", "reviv",
            "allowance", "allow",
            "inference", "infer",
            "airliner", "airlin",
            "gyroscopic", "gyroscop",
            "adjustable", "adjust",
            "defensible", "defens",
            "irritant", "irrit",
            "replacement", "replac",
            "adjustment", "adjust",
            "dependent", "depend",
            "adoption", "adopt",
            "homologou", "homolog",
            "communism", "commun",
            "activate", "activ",
            "angulariti", "angular",
            "homologous", "homolog",
            "effective", "effect",
            "bowdlerize", "bowdler",
            // step 5, with NLTK's *o for two-letter stems (are, eve, ice, ore, use keep their e)
            "probate", "probat",
            "rate", "rate",
            "cease", "ceas",
            "controll", "control",
            "controlling", "control",
            "roll", "roll",
            "are", "are",
            "eve", "eve",
            "ice", "ice",
            "ore", "ore",
            "use", "use",
    };

    @Test
    void stemsLikeNltkOnItsRuleExamples() {
        assertThat(CASES.length % 2).isZero();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < CASES.length; i += 2) {
            String actual = stemmer.stem(CASES[i]);
            if (!actual.equals(CASES[i + 1])) {
                mismatches.add(CASES[i] + " -> " + actual + " (NLTK: " + CASES[i + 1] + ")");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void stemsLikeNltkOnItsVocabularySample() {
        byte[] bytes = EvalTestData.bundled("porter-nltk-3.8.tsv");
        assertThat(bytes).as("bundled eval/porter-nltk-3.8.tsv").isNotNull();
        List<String> mismatches = new ArrayList<>();
        int words = 0;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] pair = line.split("\t", -1);
            words++;
            String actual = stemmer.stem(pair[0]);
            if (!actual.equals(pair[1])) {
                mismatches.add(pair[0] + " -> " + actual + " (NLTK: " + pair[1] + ")");
            }
        }
        assertThat(words).isGreaterThan(5000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void yIsAConsonantAtTheStartOrAfterAVowel() {
        // toy: t c, o v, y c; syzygy: s c, y v, z c, y v, g c, y v
        assertThat(PorterStemmer.isConsonant("toy", 2)).isTrue();
        assertThat(PorterStemmer.isConsonant("yes", 0)).isTrue();
        boolean[] syzygy = {true, false, true, false, true, false};
        for (int i = 0; i < syzygy.length; i++) {
            assertThat(PorterStemmer.isConsonant("syzygy", i)).as("syzygy[%d]", i).isEqualTo(syzygy[i]);
        }
        // the paper's measures
        for (String m0 : List.of("tr", "ee", "tree", "y", "by")) {
            assertThat(PorterStemmer.measure(m0)).as(m0).isZero();
        }
        for (String m1 : List.of("trouble", "oats", "trees", "ivy")) {
            assertThat(PorterStemmer.measure(m1)).as(m1).isEqualTo(1);
        }
        for (String m2 : List.of("troubles", "private", "oaten", "orrery")) {
            assertThat(PorterStemmer.measure(m2)).as(m2).isEqualTo(2);
        }
    }

    @Test
    void handlesLongRunsOfYLikeNltk() {
        // NLTK 3.8 outputs (its recursive y test overflows Python's stack on much longer runs).
        assertThat(stemmer.stem("y".repeat(500) + "ing")).isEqualTo("y".repeat(499) + "i");
        assertThat(stemmer.stem("y".repeat(501) + "ing")).isEqualTo("y".repeat(499) + "i");
        assertThat(stemmer.stem("ya".repeat(300) + "ing")).isEqualTo("ya".repeat(300));
        assertThat(stemmer.stem("y".repeat(400) + "ed")).isEqualTo("y".repeat(399) + "i");
        assertThat(stemmer.stem("y".repeat(400) + "ational")).isEqualTo("y".repeat(400));
    }

    @Test
    void handlesDegenerateInput() {
        assertThat(stemmer.stem("")).isEmpty();
        // Linear time: a quadratic y test would take seconds on these.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(stemmer.stem("y".repeat(200_000))).hasSize(200_000);
            assertThat(stemmer.stem("y".repeat(200_000) + "ing")).hasSize(200_000);
        });
        assertThatThrownBy(() -> stemmer.stem(null)).isInstanceOf(NullPointerException.class);
    }
}
