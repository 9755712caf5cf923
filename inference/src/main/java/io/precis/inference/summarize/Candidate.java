package io.precis.inference.summarize;

import io.precis.inference.text.Sentence;

/** A sentence that could go into the summary: which document it is from and where. */
record Candidate(int document, int position, Sentence sentence, int words) {
}
