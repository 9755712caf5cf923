package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextExtractorTest {
    final TextExtractor extractor = new TextExtractor();

    @Test
    void htmlKeepsTheArticleAndDropsBoilerplate() throws Exception {
        TextExtractor.Extracted e = extractor.extract(Samples.ARTICLE_HTML.getBytes(StandardCharsets.UTF_8), DocumentFormat.HTML, null, "https://example.org/");
        assertThat(e.title()).isEqualTo("Harbour park approved | The Coastal Times");
        assertThat(e.text()).startsWith("Harbour park approved\n\nThe city council approved the harbour park plan on Tuesday")
                .contains("sea-water swimming pool", "traffic, parking and noise")
                .doesNotContain("cookies", "Most read", "Celebrity chef", "Share on", "Related", "Privacy", "tracking", "color:red", "Sport");
        assertThat(e.text()).contains("\n\nConstruction of the park");
    }

    @Test
    void htmlWithoutArticleElementFindsTheDensestText() throws Exception {
        String html = "<html><body><div class='menu'><a href='/1'>Home</a> <a href='/2'>About</a></div>"
                + "<div id='main'><div><p>First paragraph of real content, with commas, clauses, and enough words to count.</p>"
                + "<p>Second paragraph of real content, again with commas, clauses, and enough words to count.</p></div></div>"
                + "<div class='footer-links'><a href='/x'>Terms</a></div></body></html>";
        TextExtractor.Extracted e = extractor.extract(html.getBytes(StandardCharsets.UTF_8), DocumentFormat.HTML, null, null);
        assertThat(e.text()).contains("First paragraph", "Second paragraph").doesNotContain("Home", "Terms");
    }

    @Test
    void pdfTextAndTitle() throws Exception {
        byte[] pdf = Samples.pdf("Annual report", List.of("Revenue grew by twelve percent in the third quarter.",
                "The board approved a new dividend policy."));
        TextExtractor.Extracted e = extractor.extract(pdf, DocumentFormat.PDF, null, null);
        assertThat(e.title()).isEqualTo("Annual report");
        assertThat(e.text()).contains("Revenue grew by twelve percent in the third quarter.", "new dividend policy");
    }

    @Test
    void corruptPdfFailsWithAReason() {
        byte[] pdf = Samples.pdf("x", List.of("Some text here."));
        byte[] corrupt = java.util.Arrays.copyOf(pdf, 200);
        for (int i = 20; i < corrupt.length; i++) corrupt[i] = (byte) (i * 31);
        assertThatThrownBy(() -> extractor.extract(corrupt, DocumentFormat.PDF, null, null))
                .isInstanceOf(TextExtractor.ExtractionException.class).hasMessageContaining("PDF");
    }

    @Test
    void docxParagraphsAndTitle() throws Exception {
        byte[] docx = Samples.docx("Minutes", List.of("The committee met on Monday.", "It agreed to hire two engineers & a designer."));
        TextExtractor.Extracted e = extractor.extract(docx, DocumentFormat.DOCX, null, null);
        assertThat(e.title()).isEqualTo("Minutes");
        assertThat(e.text()).isEqualTo("The committee met on Monday.\n\nIt agreed to hire two engineers & a designer.");
    }

    @Test
    void zipWithoutWordDocumentIsNotDocx() {
        byte[] zip = Samples.zip(new String[][]{{"hello.txt", "hi"}});
        assertThatThrownBy(() -> extractor.extract(zip, DocumentFormat.DOCX, null, null))
                .hasMessageContaining("not a Word document");
    }

    @Test
    void markdownLosesItsMarkup() throws Exception {
        String md = """
                ---
                layout: post
                ---
                # Release notes

                Version **2.0** adds [offline mode](https://example.org/offline) and _faster_ sync.

                - Fixed `crash` on start
                - Removed ![logo](logo.png) legacy logo

                > Quoted wisdom.
                """;
        TextExtractor.Extracted e = extractor.extract(md.getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, null, null);
        assertThat(e.title()).isEqualTo("Release notes");
        assertThat(e.text()).isEqualTo("Release notes\n\nVersion 2.0 adds offline mode and faster sync.\n\nFixed crash on start\n"
                + "Removed logo legacy logo\n\nQuoted wisdom.");
    }

    @Test
    void plainTextIsNormalised() throws Exception {
        byte[] bytes = "\uFEFFLine one.\r\nLine two.\u0007\r\n\r\n\r\n\r\nLine three.   \n".getBytes(StandardCharsets.UTF_8);
        TextExtractor.Extracted e = extractor.extract(bytes, DocumentFormat.TEXT, null, null);
        assertThat(e.text()).isEqualTo("Line one.\nLine two.\n\nLine three.");
        assertThat(e.title()).isNull();
    }

    @Test
    void binaryIsNotText() {
        byte[] binary = new byte[1000];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7);
        assertThat(TextExtractor.looksBinary(binary)).isTrue();
        assertThatThrownBy(() -> extractor.extract(binary, DocumentFormat.TEXT, null, null)).hasMessageContaining("binary");
        assertThat(TextExtractor.looksBinary("Ünïcödé text\n\twith tabs".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void latin1FallsBackToWindows1252() throws Exception {
        byte[] bytes = "Café au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(extractor.extract(bytes, DocumentFormat.TEXT, null, null).text()).isEqualTo("Café au lait");
    }

    @Test
    void emptyOrWordlessDocumentsFail() {
        assertThatThrownBy(() -> extractor.extract(new byte[0], DocumentFormat.TEXT, null, null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> extractor.extract("  \n\n ... ".getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT, null, null))
                .hasMessageContaining("no text");
    }

    @Test
    void tokenEstimateIsGenerous() {
        assertThat(Tokens.estimate("The cat sat.")).isEqualTo(4);
        assertThat(Tokens.estimate("internationalisation")).isGreaterThan(2);
        assertThat(Tokens.estimate("")).isZero();
    }
}
