package io.precis.app.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.precis.admin.web.Problems;
import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;

/**
 * The second candidate of a side-by-side comparison: the same documents with the same length and strategy,
 * summarised by another version of the embedded policy ({@link ServedModels#challenger}). Where there is no other
 * version, or it writes the very same summary, it is a second sample of the first summary's own model with another
 * strategy or length. The second summary is stored as one of the viewer's, so that a preference names both by id.
 */
@Service
class SecondCandidates {
    /** The two summaries and what made each, to be shown only after the analyst has picked. */
    record Comparison(SummaryResult first, SummaryResult second, String firstMadeBy, String secondMadeBy) {
    }

    private record Variant(SummaryRequest request, String description) {
    }

    private final SummarizeService summaries;
    private final ServedModels models;

    SecondCandidates(SummarizeService summaries, ServedModels models) {
        this.summaries = summaries;
        this.models = models;
    }

    /** @throws org.springframework.web.ErrorResponseException when the summary is not the viewer's to see, or no different second summary exists */
    Comparison make(UUID firstId, String viewer, boolean seesAll) {
        long started = System.nanoTime();
        SummaryRecord first = summaries.visible(firstId, viewer, seesAll)
                .orElseThrow(() -> Problems.notFound("summary", firstId));
        SummaryRequest same = new SummaryRequest(first.documents(), sameLength(first), Mode.parse(first.mode()));
        String firstMadeBy = modelOf(first);
        String sameSummaryNote = "";
        Optional<ServedModels.Challenger> challenger = models.challenger(first.modelVersionId());
        if (challenger.isPresent()) {
            ServedModels.Challenger other = challenger.get();
            Summary summary = other.served().summarizer().summarize(same);
            String madeBy = "the " + other.role() + " version " + other.label();
            if (differs(summary, first)) {
                return new Comparison(SummaryResult.of(first),
                        summaries.store(viewer, first.title(), same, summary, other.served().versionId(), started),
                        firstMadeBy, madeBy);
            }
            sameSummaryNote = madeBy + " wrote the same summary, so this is ";
        }
        ServedModels.Served own = models.again(first.modelVersionId());
        for (Variant variant : variants(first, same)) {
            Summary summary = own.summarizer().summarize(variant.request());
            if (differs(summary, first)) {
                return new Comparison(SummaryResult.of(first),
                        summaries.store(viewer, first.title(), variant.request(), summary, own.versionId(), started),
                        firstMadeBy, sameSummaryNote + "a second sample of the same model (" + firstMadeBy + ") with "
                                + variant.description());
            }
        }
        throw Problems.of(HttpStatus.CONFLICT, "No second summary differs from this one: every other strategy and "
                + "length gives the same sentences. The text may be too short to compare summaries of it.");
    }

    /**
     * The first summary's length: automatic when its word budget is what the automatic length gives for these
     * documents (the record keeps the budget, not how it was asked for), else that fixed budget.
     */
    static LengthTarget sameLength(SummaryRecord first) {
        LengthTarget auto = LengthTarget.auto();
        return auto.wordsFor(first.documents()) == first.maxWords() ? auto : new LengthTarget(first.maxWords());
    }

    /** The other strategies, then a shorter and a longer budget, each with everything else as the first had it. */
    private static List<Variant> variants(SummaryRecord first, SummaryRequest same) {
        List<Variant> variants = new ArrayList<>();
        for (Mode mode : List.of(Mode.SINGLE, Mode.MAP_REDUCE, Mode.REFINE)) {
            if (!mode.label().equals(first.strategy())) {
                variants.add(new Variant(new SummaryRequest(same.documents(), same.length(), mode),
                        "strategy " + mode.label() + " instead of " + first.strategy()));
            }
        }
        int words = first.maxWords();
        for (int other : new int[] {Math.max(10, words * 3 / 5), Math.min(2000, words * 2)}) {
            if (other != words) {
                variants.add(new Variant(new SummaryRequest(same.documents(), new LengthTarget(other), same.mode()),
                        "at most " + other + " words instead of " + words));
            }
        }
        return variants;
    }

    private static boolean differs(Summary summary, SummaryRecord first) {
        return !SummaryResult.sameText(summary.text(), first.summary());
    }

    private static String modelOf(SummaryRecord summary) {
        return summary.model().name() + " " + summary.model().version();
    }
}
