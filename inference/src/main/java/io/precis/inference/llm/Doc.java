package io.precis.inference.llm;

import io.precis.inference.summarize.SourceDocument;
import java.util.ArrayList;
import java.util.List;

/** A non-blank document of the request, with its index there. */
record Doc(int index, String title, String text) {

    static List<Doc> nonBlank(List<SourceDocument> documents) {
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            SourceDocument d = documents.get(i);
            if (!d.text().isBlank()) {
                docs.add(new Doc(i, d.title() == null || d.title().isBlank() ? null : d.title().strip(), d.text().strip()));
            }
        }
        return docs;
    }

    /** "Document 2 (Annual report)", or only the title, or nothing when there is one untitled document. */
    String label(boolean several) {
        String name = several ? "Document " + (index + 1) : null;
        if (title == null) {
            return name;
        }
        return name == null ? title : name + " (" + title + ")";
    }

    /** The documents as one text, each under its label when there are several. */
    static String join(List<Doc> docs) {
        boolean several = docs.size() > 1;
        StringBuilder out = new StringBuilder();
        for (Doc doc : docs) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            String label = doc.label(several);
            if (label != null) {
                out.append(label).append(":\n");
            }
            out.append(doc.text);
        }
        return out.toString();
    }
}
