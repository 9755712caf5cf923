package io.precis.inference.llm;

import io.precis.inference.llm.ChatEndpoint.Completion;
import io.precis.inference.text.Chunk;
import io.precis.inference.text.Chunker;
import io.precis.inference.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The three strategies as sequences of model calls. Only the last call of each is streamed (when {@code onToken}
 * is not null). Intermediate answers are cleaned like final ones before they are passed on.
 */
final class Passes {

    /** Map summaries are never shorter than this, so that a short requested summary still has material to combine. */
    static final int MIN_MAP_WORDS = 40;
    private static final int MAX_REDUCE_LEVELS = 6;

    /** One piece of a document: a whole document or one chunk of it. */
    record Piece(String label, String text) {

        String labelled() {
            return label == null ? text : label + ":\n" + text;
        }
    }

    private final ChatEndpoint endpoint;
    private final Prompts prompts;
    private final TokenBudget budget;
    private final int parallelism;

    Passes(ChatEndpoint endpoint, Prompts prompts, TokenBudget budget, int parallelism) {
        this.endpoint = endpoint;
        this.prompts = prompts;
        this.budget = budget;
        this.parallelism = parallelism;
    }

    /** Whether the documents fit one pass of the single prompt. */
    boolean fitsSinglePass(List<Doc> docs, int words) {
        return TokenBudget.estimate(Doc.join(docs)) <= singlePassTokens(words);
    }

    /** About how many words of input one pass of the single prompt takes. */
    int singlePassWords(int words) {
        return (int) (singlePassTokens(words) / TokenBudget.TOKENS_PER_WORD);
    }

    private int singlePassTokens(int words) {
        return budget.inputTokens(prompts.single, TokenBudget.outputTokens(words), 0);
    }

    Completion single(List<Doc> docs, int words, Consumer<String> onToken) {
        return call(prompts.single.render(words, Doc.join(docs)), words, onToken);
    }

    Completion mapReduce(List<Doc> docs, int words, Consumer<String> onToken) {
        int mapWords = Math.max(MIN_MAP_WORDS, words);
        int chunkTokens = budget.inputTokens(prompts.map, TokenBudget.outputTokens(mapWords), 24);
        List<Piece> pieces = pieces(docs, chunkTokens);
        List<String> partials = parallel(pieces.stream().<Callable<String>>map(piece -> () -> {
            int pieceWords = Words.count(piece.text());
            int target = Math.max(MIN_MAP_WORDS, Math.min(mapWords, pieceWords / 2));
            // A piece shorter than its summary would be goes to the reduce step as it is.
            String summary = pieceWords <= target ? piece.text() : cleaned(call(
                    prompts.map.render(target, piece.labelled()), target, null));
            return piece.label() == null ? summary : piece.label() + ":\n" + summary;
        }).toList());
        int reduceTokens = budget.inputTokens(prompts.reduce, TokenBudget.outputTokens(words), 0);
        for (int level = 0; TokenBudget.estimate(String.join("\n\n", partials)) > reduceTokens; level++) {
            List<List<String>> groups = groups(partials, reduceTokens);
            if (groups.size() == partials.size() || level == MAX_REDUCE_LEVELS) {
                throw new IllegalArgumentException("the input is too long to combine within the language model's "
                        + "context; ask for a shorter summary or send less text");
            }
            partials = parallel(groups.stream().<Callable<String>>map(group -> () -> cleaned(
                    call(prompts.reduce.render(words, String.join("\n\n", group)), words, null))).toList());
        }
        return call(prompts.reduce.render(words, String.join("\n\n", partials)), words, onToken);
    }

    Completion refine(List<Doc> docs, int words, Consumer<String> onToken) {
        int outputTokens = TokenBudget.outputTokens(words);
        // The running summary can grow to the output limit, and it shares the prompt with the next piece.
        int chunkTokens = budget.inputTokens(prompts.refine, outputTokens, outputTokens + 24);
        List<Piece> pieces = pieces(docs, chunkTokens);
        Completion current = call(prompts.single.render(words, pieces.get(0).labelled()), words,
                pieces.size() == 1 ? onToken : null);
        for (int i = 1; i < pieces.size(); i++) {
            current = call(prompts.refine.render(words, pieces.get(i).labelled(), cleaned(current)), words,
                    i == pieces.size() - 1 ? onToken : null);
        }
        return current;
    }

    private Completion call(String prompt, int words, Consumer<String> onToken) {
        int maxTokens = TokenBudget.outputTokens(words);
        return onToken == null ? endpoint.complete(prompt, maxTokens) : endpoint.stream(prompt, maxTokens, onToken);
    }

    private static String cleaned(Completion completion) {
        String text = OutputText.clean(completion.text(), completion.truncated());
        if (text.isEmpty()) {
            throw new LlmUnavailableException("the model returned no usable text");
        }
        return text;
    }

    /** Every document, cut into chunks that fit; labelled when there are several documents or chunks. */
    private static List<Piece> pieces(List<Doc> docs, int chunkTokens) {
        boolean several = docs.size() > 1;
        List<Piece> pieces = new ArrayList<>();
        for (Doc doc : docs) {
            // A little overlap, about a sentence, so that a chunk does not start without its context.
            Chunker chunker = new Chunker(chunkTokens, Math.min(64, chunkTokens / 20), TokenBudget::estimate);
            List<String> chunks = chunker.chunk(doc.index(), doc.text()).stream().map(Chunk::text).toList();
            if (chunks.isEmpty()) {
                chunks = List.of(doc.text()); // no sentence in it, say only punctuation; let the model see it as it is
            }
            String label = doc.label(several);
            for (int c = 0; c < chunks.size(); c++) {
                String part = chunks.size() == 1 ? null : "part " + (c + 1) + " of " + chunks.size();
                String pieceLabel = label == null ? capitalise(part) : part == null ? label : label + ", " + part;
                pieces.add(new Piece(pieceLabel, chunks.get(c)));
            }
        }
        return pieces;
    }

    private static String capitalise(String s) {
        return s == null ? null : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Consecutive partial summaries packed into groups that each fit one reduce prompt. */
    private static List<List<String>> groups(List<String> partials, int maxTokens) {
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int tokens = 0;
        for (String partial : partials) {
            int t = TokenBudget.estimate(partial) + 2;
            if (!group.isEmpty() && tokens + t > maxTokens) {
                groups.add(group);
                group = new ArrayList<>();
                tokens = 0;
            }
            group.add(partial);
            tokens += t;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** Runs the calls up to {@code parallelism} at a time and returns their results in order; the first failure wins. */
    private <T> List<T> parallel(List<Callable<T>> calls) {
        if (calls.size() == 1 || parallelism == 1) {
            List<T> results = new ArrayList<>(calls.size());
            for (Callable<T> call : calls) {
                results.add(run(call));
            }
            return results;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, calls.size()), r -> {
            Thread thread = new Thread(r, "llm-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExecutorCompletionService<T> completion = new ExecutorCompletionService<>(pool);
            List<Future<T>> futures = new ArrayList<>(calls.size());
            for (Callable<T> call : calls) {
                futures.add(completion.submit(call));
            }
            for (int i = 0; i < calls.size(); i++) {
                completion.take().get();
            }
            List<T> results = new ArrayList<>(calls.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("the request was cancelled", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T run(Callable<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
