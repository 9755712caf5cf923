package io.precis.app.library;

/** pgvector's text form of a vector: {@code [0.1,-0.2,...]}. */
final class PgVectors {
    private PgVectors() {
    }

    static String literal(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 11 + 2).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(v[i]);
        }
        return sb.append(']').toString();
    }

    static float[] parse(String text) {
        String t = text.strip();
        if (t.startsWith("[")) t = t.substring(1);
        if (t.endsWith("]")) t = t.substring(0, t.length() - 1);
        if (t.isEmpty()) return new float[0];
        String[] parts = t.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) v[i] = Float.parseFloat(parts[i]);
        return v;
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
        return s;
    }
}
