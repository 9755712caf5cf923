package io.precis.inference.eval;

import java.util.Objects;

/**
 * Contextual token embeddings of one text, as {@link MiniLmTokenEncoder} computes them: one WordPiece token per
 * row, without [CLS] and [SEP], each vector L2-normalised (so cosine similarity is a dot product).
 *
 * @param ids     WordPiece vocabulary ids
 * @param tokens  the WordPiece tokens ("play", "##ing")
 * @param starts  start character offset of each token in the encoded text
 * @param ends    end character offset (exclusive) of each token
 * @param vectors one unit vector per token
 */
public record TokenEmbeddings(long[] ids, String[] tokens, int[] starts, int[] ends, float[][] vectors) {

    public TokenEmbeddings {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(ends, "ends");
        Objects.requireNonNull(vectors, "vectors");
        int n = ids.length;
        if (tokens.length != n || starts.length != n || ends.length != n || vectors.length != n) {
            throw new IllegalArgumentException("ids, tokens, offsets and vectors differ in length");
        }
    }

    static final TokenEmbeddings EMPTY =
            new TokenEmbeddings(new long[0], new String[0], new int[0], new int[0], new float[0][]);

    /** Number of tokens. */
    public int size() {
        return ids.length;
    }

    /** The tokens whose start offset lies in [from, to), as a new instance (vectors are shared, not copied). */
    public TokenEmbeddings slice(int from, int to) {
        int count = 0;
        for (int s : starts) {
            if (s >= from && s < to) {
                count++;
            }
        }
        long[] i2 = new long[count];
        String[] t2 = new String[count];
        int[] s2 = new int[count];
        int[] e2 = new int[count];
        float[][] v2 = new float[count][];
        int k = 0;
        for (int i = 0; i < ids.length; i++) {
            if (starts[i] >= from && starts[i] < to) {
                i2[k] = ids[i];
                t2[k] = tokens[i];
                s2[k] = starts[i];
                e2[k] = ends[i];
                v2[k] = vectors[i];
                k++;
            }
        }
        return new TokenEmbeddings(i2, t2, s2, e2, v2);
    }
}
