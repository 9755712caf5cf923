package io.precis.admin.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunbookPagesTest {
    private final RunbookPages pages = new RunbookPages();

    @Test
    void everyRunbookOfTheRepositoryIsThereIncidentPagesFirst() {
        assertThat(pages.all()).extracting(RunbookPages.Page::name)
                .contains("security-incident", "deployment-rollback", "database-migration", "api-outage", "model-drift", "PrecisHighErrorRate")
                .doesNotContain("README");
        assertThat(pages.all().get(0).name()).isLowerCase();
        assertThat(pages.find("security-incident")).get().extracting(RunbookPages.Page::title).isEqualTo("Security incident");
    }

    @Test
    void rendersMarkdownAndEscapesRawHtml() {
        var page = pages.find("security-incident").orElseThrow();
        String html = pages.html(page);
        assertThat(html).contains("<h1>Security incident</h1>", "<strong>Rotate API keys</strong>", "<pre><code");
        String hostile = pages.html(new RunbookPages.Page("x", "x", "# Hi\n\n<script>alert(1)</script>\n\n[link](javascript:alert(1))"));
        assertThat(hostile).doesNotContain("<script>").doesNotContain("javascript:");
    }
}
