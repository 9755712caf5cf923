package io.precis.inference.summarize;

import io.precis.inference.text.Words;
import java.util.List;
import java.util.Objects;

/**
 * Decides which strategy runs for a request: the mode asked for, or for {@link Mode#AUTO} map-reduce when there
 * are several documents or the input is larger than what the backend takes in one pass, else single pass. Refine
 * runs only when asked for. Used by every backend, each with its own context budget.
 */
public final class StrategyChooser {

    private StrategyChooser() {
    }

    /**
     * @param requested          the mode in the request
     * @param documents          how many documents hold text (blank ones do not count)
     * @param totalWords         the words of all documents together
     * @param contextBudgetWords the most words the backend handles well in one pass
     * @return {@link Mode#SINGLE}, {@link Mode#MAP_REDUCE} or {@link Mode#REFINE}, never {@link Mode#AUTO}
     */
    public static Mode choose(Mode requested, int documents, int totalWords, int contextBudgetWords) {
        Objects.requireNonNull(requested, "requested");
        if (documents < 0 || totalWords < 0 || contextBudgetWords < 1) {
            throw new IllegalArgumentException("documents and totalWords must not be negative and the budget must"
                    + " be positive: " + documents + ", " + totalWords + ", " + contextBudgetWords);
        }
        if (requested != Mode.AUTO) {
            return requested;
        }
        return documents > 1 || totalWords > contextBudgetWords ? Mode.MAP_REDUCE : Mode.SINGLE;
    }

    /** {@link #choose(Mode, int, int, int)} with the documents and words counted from the request. */
    public static Mode choose(SummaryRequest request, int contextBudgetWords) {
        Objects.requireNonNull(request, "request");
        return choose(request.mode(), nonBlankDocuments(request.documents()), totalWords(request.documents()),
                contextBudgetWords);
    }

    /** Documents that hold any text. */
    public static int nonBlankDocuments(List<SourceDocument> documents) {
        return (int) documents.stream().filter(d -> !d.text().isBlank()).count();
    }

    /** Words of all documents, as counted by {@link Words#count(String)}. */
    public static int totalWords(List<SourceDocument> documents) {
        return documents.stream().mapToInt(d -> Words.count(d.text())).sum();
    }
}
