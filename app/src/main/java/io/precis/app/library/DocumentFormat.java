package io.precis.app.library;

import java.util.Locale;
import java.util.Optional;

/** The formats the Library reads, recognised by file name, content type and the first bytes. */
public enum DocumentFormat {
    PDF("pdf"), HTML("html"), DOCX("docx"), MARKDOWN("markdown"), TEXT("text");

    private final String label;

    DocumentFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<DocumentFormat> parse(String label) {
        for (DocumentFormat f : values()) {
            if (f.label.equalsIgnoreCase(label)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** By file extension, the first that decides; empty when the extension is missing or unknown. */
    public static Optional<DocumentFormat> ofFileName(String fileName) {
        if (fileName == null) return Optional.empty();
        String name = fileName.toLowerCase(Locale.ROOT).strip();
        if (name.endsWith(".pdf")) return Optional.of(PDF);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) return Optional.of(HTML);
        if (name.endsWith(".docx")) return Optional.of(DOCX);
        if (name.endsWith(".md") || name.endsWith(".markdown")) return Optional.of(MARKDOWN);
        if (name.endsWith(".txt") || name.endsWith(".text")) return Optional.of(TEXT);
        return Optional.empty();
    }

    /** By content type (without parameters); empty for generic or unknown types. */
    public static Optional<DocumentFormat> ofMediaType(String mediaType) {
        if (mediaType == null) return Optional.empty();
        String t = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "application/pdf" -> Optional.of(PDF);
            case "text/html", "application/xhtml+xml" -> Optional.of(HTML);
            case SafeFetcher.DOCX -> Optional.of(DOCX);
            case "text/markdown", "text/x-markdown" -> Optional.of(MARKDOWN);
            case "text/plain" -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }

    /** By magic bytes: PDF and ZIP (DOCX) only; text formats have none. */
    public static Optional<DocumentFormat> sniff(byte[] head) {
        if (startsWith(head, "%PDF-")) return Optional.of(PDF);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return Optional.of(DOCX);
        return Optional.empty();
    }

    static boolean startsWith(byte[] bytes, String prefix) {
        // Tolerate a little leading whitespace or a BOM before %PDF, as readers do.
        int offset = 0;
        while (offset < bytes.length && offset < 16 && (bytes[offset] == ' ' || bytes[offset] == '\n' || bytes[offset] == '\r'
                || bytes[offset] == '\t' || (bytes[offset] & 0xff) == 0xEF || (bytes[offset] & 0xff) == 0xBB || (bytes[offset] & 0xff) == 0xBF)) {
            offset++;
        }
        if (bytes.length - offset < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[offset + i] != prefix.charAt(i)) return false;
        }
        return true;
    }
}
