package io.precis.app.library;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Plain text from PDF (PDFBox), HTML (main text only, see {@link HtmlMainText}), DOCX (the JDK's zip and StAX),
 * Markdown (markup removed) and plain text. The text is normalised (line ends, control characters, runs of blank
 * lines), and it is the text chunk offsets and citations point into. Stateless and thread-safe.
 */
public final class TextExtractor {
    /** The most bytes read out of a DOCX's parts together: a zip bomb stops here. */
    private static final long MAX_DOCX_UNPACKED = 64L * 1024 * 1024;

    /** What was extracted: a title when the document names one (else null), and the text. */
    public record Extracted(String title, String text) {
    }

    /** Why a document yields no text; the message is shown to the person as the failure reason. */
    public static final class ExtractionException extends Exception {
        public ExtractionException(String message) {
            super(message);
        }

        public ExtractionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param charset the charset a server declared, or null
     * @param baseUri where an HTML page came from (for its links), or null
     */
    public Extracted extract(byte[] bytes, DocumentFormat format, String charset, String baseUri) throws ExtractionException {
        if (bytes.length == 0) throw new ExtractionException("The document is empty.");
        Extracted raw = switch (format) {
            case PDF -> pdf(bytes);
            case DOCX -> docx(bytes);
            case HTML -> HtmlMainText.extract(decodeHtml(bytes, charset), baseUri);
            case MARKDOWN -> markdown(decodeText(bytes, charset));
            case TEXT -> new Extracted(null, decodeText(bytes, charset));
        };
        String text = normalize(raw.text());
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new ExtractionException(format == DocumentFormat.PDF
                    ? "The PDF has no extractable text (it may be scanned images, which are not read)."
                    : "The document has no text.");
        }
        String title = raw.title() == null ? null : raw.title().replaceAll("\\s+", " ").strip();
        return new Extracted(title == null || title.isEmpty() ? null : title, text);
    }

    // ---- text decoding -------------------------------------------------------------------------------------------

    /**
     * Decodes text: a BOM decides, else strict UTF-8, else Windows-1252; bytes that look binary (NUL bytes or many
     * control characters) are refused.
     */
    public static String decodeText(byte[] bytes, String declaredCharset) throws ExtractionException {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (looksBinary(bytes)) {
            throw new ExtractionException("The file is not text: it looks like binary data.");
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (declaredCharset != null && !declaredCharset.isBlank()) {
            try {
                Charset cs = Charset.forName(declaredCharset.strip());
                if (!cs.equals(StandardCharsets.UTF_8)) return new String(bytes, offset, bytes.length - offset, cs);
            } catch (IllegalArgumentException ignored) {
                // unknown charset: fall through to detection
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
        }
    }

    /** NUL bytes, or more than 5% control characters other than tab, line feed, form feed and carriage return. */
    public static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 64 * 1024);
        if (n == 0) return false;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) return true;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) control++;
        }
        return control * 20 > n;
    }

    private static String decodeHtml(byte[] bytes, String declaredCharset) throws ExtractionException {
        if (looksBinary(bytes) && !(bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE || (bytes[0] & 0xff) == 0xFF))) {
            throw new ExtractionException("The file is not HTML: it looks like binary data.");
        }
        String charset = declaredCharset;
        if (charset == null) {
            // <meta charset="..."> or http-equiv in the first few kilobytes
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)").matcher(head);
            if (m.find()) charset = m.group(1);
        }
        return decodeText(bytes, charset);
    }

    // ---- PDF -------------------------------------------------------------------------------------------------------

    private static Extracted pdf(byte[] bytes) throws ExtractionException {
        // Decoded streams are cached in temporary files, not the heap: a small PDF can inflate to a lot.
        try (PDDocument pdf = Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphStart("");
            stripper.setParagraphEnd("\n\n");
            stripper.setPageEnd("\n\n");
            String text = unwrapLines(stripper.getText(pdf));
            PDDocumentInformation info = pdf.getDocumentInformation();
            return new Extracted(info == null ? null : info.getTitle(), text);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("The PDF is password-protected; upload it without the password.");
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("The PDF could not be read; it may be damaged (" + shortMessage(e) + ").", e);
        }
    }

    /** Joins lines a PDF broke inside a paragraph, and words it hyphenated at a line end. */
    static String unwrapLines(String text) {
        String t = text.replace("\r\n", "\n");
        t = t.replaceAll("(\\p{L})-\\n(\\p{Ll})", "$1$2");
        return t.replaceAll("(?<=\\S)[ \\t]*\\n(?=[ \\t]*[\\p{L}\\p{N}(\"'“‘])(?![ \\t]*\\n)", " ");
    }

    // ---- DOCX ------------------------------------------------------------------------------------------------------

    private static Extracted docx(byte[] bytes) throws ExtractionException {
        byte[] document = null;
        byte[] core = null;
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.equals("word/document.xml") || name.equals("docProps/core.xml")) {
                    byte[] content = readCapped(zip, MAX_DOCX_UNPACKED - unpacked);
                    unpacked += content.length;
                    if (name.equals("word/document.xml")) document = content;
                    else core = content;
                }
            }
        } catch (IOException e) {
            throw new ExtractionException("The DOCX file could not be read; it may be damaged (" + shortMessage(e) + ").", e);
        }
        if (document == null) throw new ExtractionException("The file is not a Word document (.docx): it has no word/document.xml.");
        String text = docxText(document);
        String title = core == null ? null : coreTitle(core);
        return new Extracted(title, text);
    }

    private static byte[] readCapped(InputStream in, long cap) throws IOException, ExtractionException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > cap) {
                throw new ExtractionException("The DOCX file unpacks to more than " + MAX_DOCX_UNPACKED + " bytes; it is not read.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static XMLStreamReader xml(byte[] bytes) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    private static String docxText(byte[] document) throws ExtractionException {
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = xml(document);
            int skipDepth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (skipDepth > 0 || name.equals("delText") || name.equals("instrText")) {
                        skipDepth++;
                    } else if (name.equals("t")) {
                        text.append(r.getElementText());
                    } else if (name.equals("tab")) {
                        text.append('\t');
                    } else if (name.equals("br") || name.equals("cr")) {
                        text.append('\n');
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipDepth > 0) {
                        skipDepth--;
                    } else if (r.getLocalName().equals("p")) {
                        text.append("\n\n");
                    } else if (r.getLocalName().equals("tc")) {
                        text.append('\t');
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ExtractionException("The DOCX file's text could not be read; it may be damaged (" + shortMessage(e) + ").", e);
        }
        return text.toString();
    }

    private static String coreTitle(byte[] core) {
        try {
            XMLStreamReader r = xml(core);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("title")) {
                    return r.getElementText();
                }
            }
        } catch (XMLStreamException e) {
            return null;
        }
        return null;
    }

    // ---- Markdown --------------------------------------------------------------------------------------------------

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\n.*?\\n---\\n", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern LIST_MARKER = Pattern.compile("^(\\s*)(?:[-*+]|\\d{1,9}[.)])\\s+");
    private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}(>\\s?)+");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern REF_DEF = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s+\\S+.*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>");
    private static final Pattern CODE = Pattern.compile("`+([^`]+)`+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EM_STAR = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern EM_UNDER = Pattern.compile("(?<![\\w_])_(?=\\S)([^_\\n]+?)(?<=\\S)_(?![\\w_])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");

    /** Markdown to plain text: the words stay, the markup goes; the first heading is the title. */
    static Extracted markdown(String source) {
        String md = FRONT_MATTER.matcher(source.replace("\r\n", "\n").replace('\r', '\n')).replaceFirst("");
        StringBuilder out = new StringBuilder();
        String title = null;
        boolean inFence = false;
        String[] lines = md.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
                out.append('\n');
                continue;
            }
            if (inFence) {
                out.append(line).append('\n');
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                String heading = inline(h.group(2));
                if (title == null && !heading.isBlank()) title = heading;
                out.append(heading).append("\n\n");
                continue;
            }
            if (i + 1 < lines.length && !stripped.isEmpty() && SETEXT.matcher(lines[i + 1]).matches() && !RULE.matcher(line).matches()) {
                String heading = inline(stripped);
                if (title == null) title = heading;
                out.append(heading).append("\n\n");
                i++;
                continue;
            }
            if (RULE.matcher(line).matches() || TABLE_RULE.matcher(line).matches() || REF_DEF.matcher(line).matches()) {
                out.append('\n');
                continue;
            }
            String l = QUOTE.matcher(line).replaceFirst("");
            l = LIST_MARKER.matcher(l).replaceFirst("$1");
            if (l.strip().startsWith("|") && l.strip().endsWith("|")) {
                String s = l.strip();
                l = String.join("\t", s.substring(1, s.length() - 1).split("\\s*\\|\\s*")).strip();
            }
            out.append(inline(l)).append('\n');
        }
        return new Extracted(title, out.toString());
    }

    private static String inline(String text) {
        String t = IMAGE.matcher(text).replaceAll("$1");
        t = LINK.matcher(t).replaceAll("$1");
        t = REF_LINK.matcher(t).replaceAll("$1");
        t = AUTOLINK.matcher(t).replaceAll("$1");
        t = CODE.matcher(t).replaceAll("$1");
        t = TAG.matcher(t).replaceAll("");
        t = STRONG.matcher(t).replaceAll("$2");
        t = EM_STAR.matcher(t).replaceAll("$1");
        t = EM_UNDER.matcher(t).replaceAll("$1");
        t = STRIKE.matcher(t).replaceAll("$1");
        return t.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#");
    }

    // ---- normalisation ---------------------------------------------------------------------------------------------

    /**
     * Line ends to {@code \n}, control characters (other than tab and line feed) removed, non-breaking and other
     * odd spaces to plain spaces, trailing spaces removed, at most one blank line in a row, no blank start or end.
     */
    public static String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        String t = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\t') sb.append(c);
            else if (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u2028' || c == '\u2029') sb.append(c == '\u2028' || c == '\u2029' ? '\n' : ' ');
            else if (c == '\u00AD' || c == '\uFEFF' || c == '\u200B') continue; // soft hyphen, BOM, zero-width space
            else if (Character.isISOControl(c)) continue;
            else sb.append(c);
        }
        String s = sb.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
        return s.strip();
    }

    private static String shortMessage(Throwable e) {
        String m = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }
}
