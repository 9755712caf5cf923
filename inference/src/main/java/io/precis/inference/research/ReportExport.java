package io.precis.inference.research;

import java.util.List;

/**
 * A report as Markdown or as a standalone HTML page. Unsupported claims carry a visible mark
 * ({@value #UNSUPPORTED_MARK}) after their citation.
 */
public final class ReportExport {
    public static final String UNSUPPORTED_MARK = "(unsupported)";

    private ReportExport() {
    }

    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder("# ").append(report.title()).append("\n\n");
        md.append("## Summary\n\n").append(paragraph(report.summary(), false)).append("\n\n");
        for (Report.Section section : report.sections()) {
            md.append("## ").append(section.question()).append("\n\n");
            md.append(section.sentences().isEmpty() ? "_No source answered this question._" : paragraph(section.sentences(), false))
                    .append("\n\n");
        }
        md.append("## Sources\n\n");
        for (Report.Entry e : report.bibliography()) {
            md.append(e.n()).append(". ").append(e.title());
            md.append(e.url() != null ? " — <" + e.url() + ">" : " — Library document " + e.sourceId());
            if (e.readAt() != null) md.append(" (read ").append(e.readAt()).append(")");
            md.append('\n');
        }
        md.append("\n").append(report.citedSentences()).append(" cited sentences, ").append(report.unsupported())
                .append(" not supported by their passage.\n");
        return md.toString();
    }

    public static String html(Report report) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(report.title())).append("</title><style>body{font-family:sans-serif;max-width:48em;margin:2em auto;"
                        + "line-height:1.5}.unsupported{background:#fde2e2}sup a{text-decoration:none}</style></head><body>\n");
        h.append("<h1>").append(esc(report.title())).append("</h1>\n<h2>Summary</h2>\n<p>").append(paragraph(report.summary(), true))
                .append("</p>\n");
        for (Report.Section section : report.sections()) {
            h.append("<h2>").append(esc(section.question())).append("</h2>\n<p>")
                    .append(section.sentences().isEmpty() ? "<em>No source answered this question.</em>" : paragraph(section.sentences(), true))
                    .append("</p>\n");
        }
        h.append("<h2>Sources</h2>\n<ol>\n");
        for (Report.Entry e : report.bibliography()) {
            h.append("<li id=\"source-").append(e.n()).append("\" value=\"").append(e.n()).append("\">");
            h.append(e.url() != null ? "<a href=\"" + esc(e.url()) + "\">" + esc(e.title()) + "</a>"
                    : esc(e.title()) + " (Library document " + esc(e.sourceId()) + ")");
            if (e.readAt() != null) h.append(", read ").append(esc(e.readAt()));
            h.append("</li>\n");
        }
        h.append("</ol>\n<p>").append(report.citedSentences()).append(" cited sentences, ").append(report.unsupported())
                .append(" not supported by their passage.</p>\n</body></html>\n");
        return h.toString();
    }

    private static String paragraph(List<Report.Sentence> sentences, boolean html) {
        StringBuilder out = new StringBuilder();
        for (Report.Sentence s : sentences) {
            if (out.length() > 0) out.append(' ');
            String cite = s.citation() == 0 ? "" : "[" + s.citation() + "]";
            String mark = s.citation() != 0 && !s.supported() ? " " + UNSUPPORTED_MARK : "";
            if (!html) {
                out.append(s.text()).append(cite.isEmpty() ? "" : " " + cite).append(mark);
            } else {
                String text = esc(s.text());
                if (!s.supported() && s.citation() != 0) text = "<span class=\"unsupported\">" + text + "</span>";
                out.append(text);
                if (!cite.isEmpty()) {
                    out.append(" <sup><a href=\"#source-").append(s.citation()).append("\" title=\"").append(esc(s.passage()))
                            .append("\">").append(cite).append("</a></sup>").append(mark);
                }
            }
        }
        return out.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
