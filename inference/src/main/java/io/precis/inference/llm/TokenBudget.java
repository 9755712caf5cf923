package io.precis.inference.llm;

import io.precis.inference.text.Words;

/**
 * Token arithmetic against the model's context length, by estimate rather than by the model's own tokenizer,
 * which we do not have for an arbitrary endpoint. English prose runs about 1.3 tokens per word with Llama and
 * Mistral tokenizers; 1.4, or one token per 4 characters where that is more (numbers, code, names, languages
 * without spaces), plus a margin of a tenth of the context, keeps the estimate on the safe side.
 */
final class TokenBudget {

    static final double TOKENS_PER_WORD = 1.4;
    private static final double CHARS_PER_TOKEN = 4.0;
    /** The least input a pass may take; below it the requested summary is too long for this model. */
    static final int MIN_INPUT_TOKENS = 256;

    private final int contextTokens;

    TokenBudget(int contextTokens) {
        this.contextTokens = contextTokens;
    }

    static int estimate(String text) {
        return (int) Math.ceil(Math.max(Words.count(text) * TOKENS_PER_WORD, text.length() / CHARS_PER_TOKEN));
    }

    /** max_tokens for a summary of about {@code words} words, with room to overshoot a little and end the sentence. */
    static int outputTokens(int words) {
        return (int) Math.ceil(words * TOKENS_PER_WORD * 1.5) + 16;
    }

    /**
     * How many tokens of input text fit in a prompt from {@code template} beside {@code otherTokens} of other
     * inserted text (a running summary, headers), leaving {@code outputTokens} for the answer.
     *
     * @throws IllegalArgumentException when less than {@value #MIN_INPUT_TOKENS} tokens would be left
     */
    int inputTokens(Prompts.Template template, int outputTokens, int otherTokens) {
        int margin = 64 + contextTokens / 10; // chat template tokens and estimation error
        int left = contextTokens - margin - template.tokens() - outputTokens - otherTokens;
        if (left < MIN_INPUT_TOKENS) {
            throw new IllegalArgumentException("the requested summary is too long for the language model's context of "
                    + contextTokens + " tokens; ask for a shorter one");
        }
        return left;
    }
}
