package io.precis.admin.runbooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The runbooks of the repository's {@code runbooks/} folder, packaged on the classpath by the admin module's build:
 * incident pages first (lower-case file names), then the pages named after alerts.
 */
@Component
class RunbookPages {
    record Page(String name, String title, String markdown) {
    }

    private final List<Page> pages;
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).sanitizeUrls(true).build();

    RunbookPages() {
        this.pages = load();
    }

    List<Page> all() {
        return pages;
    }

    Optional<Page> find(String name) {
        return pages.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The page as HTML; raw HTML in the Markdown is escaped. */
    String html(Page page) {
        return renderer.render(parser.parse(page.markdown()));
    }

    private static List<Page> load() {
        try {
            List<Page> found = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:runbooks/*.md")) {
                String file = r.getFilename();
                if (file == null || file.equals("README.md")) continue;
                try (InputStream in = r.getInputStream()) {
                    String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    found.add(new Page(file.substring(0, file.length() - 3), title(markdown, file), markdown));
                }
            }
            found.sort(Comparator.comparing((Page p) -> Character.isUpperCase(p.name().charAt(0))).thenComparing(Page::name));
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runbooks", e);
        }
    }

    private static String title(String markdown, String file) {
        return markdown.lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).findFirst().orElse(file);
    }
}
