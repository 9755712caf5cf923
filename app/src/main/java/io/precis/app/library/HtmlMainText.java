package io.precis.app.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The main text of a web page, without its boilerplate (jsoup):
 * <ol>
 * <li>scripts, styles, forms, embedded media, hidden elements, {@code nav}, {@code aside}, {@code footer}, page
 * headers and the ARIA landmarks for navigation, banner, footer and complementary content go;</li>
 * <li>elements whose class or id names boilerplate (menu, sidebar, cookie banner, share buttons, comments,
 * related links, ads, newsletter sign-up...) go, unless they hold the article;</li>
 * <li>the main element is the page's {@code article}, {@code main} or {@code role=main} when one holds most of
 * the text, else the element whose paragraphs score highest (text length, commas, low link density);</li>
 * <li>within it, link lists go, and the text keeps paragraph breaks.</li>
 * </ol>
 */
final class HtmlMainText {
    private static final String REMOVE = "script, style, noscript, template, svg, canvas, iframe, object, embed, video, audio, "
            + "form, button, input, select, textarea, nav, aside, footer, dialog, menu, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], [role=dialog], "
            + "[role=alert]";
    private static final Pattern BOILERPLATE = Pattern.compile("(?i)(^|[-_\\s])(nav|navbar|navigation|menu|breadcrumbs?|sidebar|"
            + "side-bar|footer|masthead|banner|cookies?|consent|gdpr|share|sharing|social|related|recommended|promo|"
            + "advert|advertisement|ads|ad-slot|sponsor(ed)?|newsletter|subscribe|signup|sign-up|comments?|disqus|popup|"
            + "modal|skip-link|toolbar|pagination|pager|widget|tags?-list|author-bio)([-_\\s]|$)");
    private static final Pattern CONTENT = Pattern.compile("(?i)(article|content|main|post|story|entry|body|text)");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "h1", "h2", "h3",
            "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "pre", "blockquote", "figure",
            "figcaption", "hr", "address", "details", "summary", "caption");

    private HtmlMainText() {
    }

    static TextExtractor.Extracted extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        String title = title(doc);
        Element body = doc.body();
        body.select(REMOVE).remove();
        for (Element header : body.select("header")) {
            if (header.closest("article, main, [role=main]") == null) header.remove();
        }
        removeBoilerplate(body);
        Element main = mainElement(body);
        removeLinkLists(main);
        String text = blockText(main);
        if (title != null && !title.isBlank() && !text.startsWith(title)) {
            // Keep the page's headline with its text when the article element left it out.
            Element h1 = doc.selectFirst("h1");
            if (h1 != null && !main.equals(h1) && !h1.text().isBlank() && !contains(main, h1)) text = h1.text() + "\n\n" + text;
        }
        return new TextExtractor.Extracted(title, text);
    }

    private static String title(Document doc) {
        Element og = doc.selectFirst("meta[property=og:title]");
        if (og != null && !og.attr("content").isBlank()) return og.attr("content");
        if (!doc.title().isBlank()) return doc.title();
        Element h1 = doc.selectFirst("h1");
        return h1 != null ? h1.text() : null;
    }

    private static void removeBoilerplate(Element body) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            String names = e.className() + " " + e.id();
            if (names.isBlank() || !BOILERPLATE.matcher(names).find()) continue;
            if (CONTENT.matcher(names).find() && !BOILERPLATE.matcher(e.id()).find()) continue;
            if (e.is("article, main, [role=main]") || !e.select("article, main, [role=main]").isEmpty()) continue;
            doomed.add(e);
        }
        for (Element e : doomed) {
            if (e.parent() != null) e.remove();
        }
    }

    private static Element mainElement(Element body) {
        int bodyLength = body.text().length();
        Element best = null;
        for (Element candidate : body.select("article, main, [role=main], [itemprop=articleBody]")) {
            int length = candidate.text().length();
            if (length >= 200 && length * 10 >= bodyLength * 4 && (best == null || length > best.text().length())) {
                best = candidate;
            }
        }
        if (best != null) return best;
        // Readability-style scoring: paragraphs vote for their parent (fully) and grandparent (half).
        java.util.Map<Element, Double> scores = new java.util.HashMap<>();
        for (Element p : body.select("p, pre, blockquote, td")) {
            String text = p.text();
            if (text.length() < 25) continue;
            double score = 1 + text.split(",").length + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent == null) continue;
            scores.merge(parent, score, Double::sum);
            if (parent.parent() != null) scores.merge(parent.parent(), score / 2, Double::sum);
        }
        double bestScore = 0;
        for (var entry : scores.entrySet()) {
            double s = entry.getValue() * (1 - linkDensity(entry.getKey()));
            if (s > bestScore) {
                bestScore = s;
                best = entry.getKey();
            }
        }
        if (best == null || best.text().length() * 10 < bodyLength * 3) return body;
        return best;
    }

    private static void removeLinkLists(Element main) {
        Elements lists = main.select("ul, ol, div, section, table, p");
        for (Element e : lists) {
            if (e == main || e.parent() == null) continue;
            int length = e.text().length();
            if (length > 0 && length < 2000 && linkDensity(e) > 0.6) e.remove();
        }
    }

    private static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) return 0;
        int links = 0;
        for (Element a : e.select("a")) links += a.text().length();
        return Math.min(1.0, links / (double) length);
    }

    private static boolean contains(Element ancestor, Element e) {
        for (Element p = e; p != null; p = p.parent()) if (p == ancestor) return true;
        return false;
    }

    /** The text with a blank line after each block and whitespace collapsed as a browser would. */
    static String blockText(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Element parent = t.parent();
                    boolean pre = parent != null && parent.closest("pre") != null;
                    String text = pre ? t.getWholeText() : t.text();
                    if (!pre) text = text.replaceAll("\\s+", " ");
                    if (text.isEmpty()) return;
                    if (!pre && text.startsWith(" ") && (out.length() == 0 || Character.isWhitespace(out.charAt(out.length() - 1)))) {
                        text = text.substring(1);
                    }
                    out.append(text);
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) out.append('\n');
                    else if (BLOCKS.contains(e.normalName())) breakBlock(out);
                    else if (e.normalName().equals("td") || e.normalName().equals("th")) out.append('\t');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) breakBlock(out);
            }
        }, root);
        return out.toString();
    }

    private static void breakBlock(StringBuilder out) {
        int len = out.length();
        while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == '\t')) len--;
        out.setLength(len);
        if (len == 0) return;
        if (out.charAt(len - 1) != '\n') out.append("\n\n");
        else if (len < 2 || out.charAt(len - 2) != '\n') out.append('\n');
    }
}
