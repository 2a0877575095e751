package io.shardhome.filter.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Decodes bytes as strict UTF-8 and, when they are not, names the line and column of the first byte that
 * is not (counted like {@link CsvError}: lines end at LF, CRLF or CR; columns count characters after a
 * leading byte-order mark). Pure and thread-safe.
 */
final class StrictUtf8 {
    private StrictUtf8() {}

    /** The decoded text, or the error at the first byte that is not UTF-8. */
    record Decoded(String text, Optional<CsvError> error) {}

    static Decoded decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        String text = out.toString();
        if (!result.isError()) {
            return new Decoded(text, Optional.empty());
        }
        int bad = bytes[in.position()] & 0xff;
        return new Decoded(text, Optional.of(errorAfter(text, bad)));
    }

    /** The error for a bad byte that follows the (valid) {@code prefix}. */
    private static CsvError errorAfter(String prefix, int badByte) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == prefix.length() || prefix.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = prefix.codePointCount(lineStart, prefix.length()) + 1;
        if (line == 1 && prefix.startsWith("\uFEFF")) {
            column--;
        }
        return new CsvError(
                line,
                column,
                String.format(Locale.ROOT, "byte 0x%02X is not valid UTF-8 here; save the file as UTF-8", badByte));
    }
}
