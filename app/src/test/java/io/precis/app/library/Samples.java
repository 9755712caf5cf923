package io.precis.app.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Documents of every format, made by the tests themselves. */
final class Samples {
    private Samples() {
    }

    /** A PDF with one line of text per entry of {@code lines}, on as many pages as needed. */
    static byte[] pdf(String title, List<String> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            doc.setDocumentInformation(info);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int perPage = 40;
            for (int from = 0; from < lines.size(); from += perPage) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(16);
                    content.newLineAtOffset(50, 740);
                    for (String line : lines.subList(from, Math.min(lines.size(), from + perPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal Word document: one paragraph per entry. */
    static byte[] docx(String title, List<String> paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escape(p)).append("</w:t></w:r></w:p>");
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>";
        String core = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties "
                + "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(title) + "</dc:title></cp:coreProperties>";
        String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
        return zip(new String[][]{{"[Content_Types].xml", contentTypes}, {"word/document.xml", document}, {"docProps/core.xml", core}});
    }

    static byte[] zip(String[][] entries) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] e : entries) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String ARTICLE_HTML = """
            <!doctype html>
            <html><head><title>Harbour park approved | The Coastal Times</title>
            <script>var tracking = "do not index this";</script><style>.x{color:red}</style></head>
            <body>
              <header class="site-header"><a href="/">The Coastal Times</a> <nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
              <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
              <div id="layout">
                <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens bistro</a></li><li><a href="/b">Storm warning</a></li></ul></aside>
                <article>
                  <h1>Harbour park approved</h1>
                  <p>The city council approved the harbour park plan on Tuesday, ending a decade of debate about the old container yard.</p>
                  <p>Construction of the park, which includes a sea-water swimming pool, starts next spring and should take two years.</p>
                  <p>Residents welcomed the decision, although some worried about traffic, parking and noise during the works.</p>
                  <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
                </article>
                <div class="related-articles"><h3>Related</h3><a href="/c">Council budget passes</a></div>
              </div>
              <footer>© 2025 The Coastal Times · <a href="/privacy">Privacy</a></footer>
            </body></html>
            """;

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
