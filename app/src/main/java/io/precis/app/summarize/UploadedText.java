package io.precis.app.summarize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;

import io.precis.admin.web.Problems;

/** Turns an uploaded file into text; only plain text and Markdown for now. */
final class UploadedText {
    static final Set<String> EXTENSIONS = Set.of(".txt", ".md", ".markdown");

    private UploadedText() {
    }

    static SummarizeCommand.DocumentInput read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName;
        String lower = name.toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "'" + name + "' is not a supported file type: upload a .txt or .md file.");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            String title = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            return new SummarizeCommand.DocumentInput(title, text);
        } catch (CharacterCodingException e) {
            throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' is not UTF-8 text.");
        }
    }
}
