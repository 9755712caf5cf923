package io.precis.inference.summarize;

import io.precis.inference.text.Sentence;

/**
 * A sentence that could go into the summary.
 *
 * @param document index of its document in the request
 * @param position its place among the content sentences of that document (boilerplate does not count), from 0
 * @param sentence the sentence and its offsets in the document
 * @param words    its words, as {@link io.precis.inference.text.Words#count(String)} counts them
 * @param shape    a factor in (0, 1] for how well it reads as a summary sentence on its own
 */
record Candidate(int document, int position, Sentence sentence, int words, double shape) {
}
