package io.shardhome.links.source;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Java charsets of MySQL/MariaDB character sets. The collation ids of the binlog row metadata are
 * resolved to character set names by the source master itself ({@code information_schema}); this maps
 * those names to Java. Pure and thread-safe.
 */
public final class Charsets {
    /** MySQL's name for raw bytes: such columns are passed on as byte arrays. */
    public static final String BINARY = "binary";

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("utf8mb4", "UTF-8"),
            Map.entry("utf8mb3", "UTF-8"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("ascii", "US-ASCII"),
            Map.entry("ucs2", "UTF-16BE"),
            Map.entry("utf16", "UTF-16BE"),
            Map.entry("utf16le", "UTF-16LE"),
            Map.entry("utf32", "UTF-32BE"),
            Map.entry("latin2", "ISO-8859-2"),
            Map.entry("latin5", "ISO-8859-9"),
            Map.entry("latin7", "ISO-8859-13"),
            Map.entry("greek", "ISO-8859-7"),
            Map.entry("hebrew", "ISO-8859-8"),
            Map.entry("cp1250", "windows-1250"),
            Map.entry("cp1251", "windows-1251"),
            Map.entry("cp1256", "windows-1256"),
            Map.entry("cp1257", "windows-1257"),
            Map.entry("cp850", "IBM850"),
            Map.entry("cp852", "IBM852"),
            Map.entry("cp866", "IBM866"),
            Map.entry("koi8r", "KOI8-R"),
            Map.entry("koi8u", "KOI8-U"),
            Map.entry("sjis", "Shift_JIS"),
            Map.entry("cp932", "windows-31j"),
            Map.entry("ujis", "EUC-JP"),
            Map.entry("euckr", "EUC-KR"),
            Map.entry("gb2312", "GB2312"),
            Map.entry("gbk", "GBK"),
            Map.entry("gb18030", "GB18030"),
            Map.entry("big5", "Big5"),
            Map.entry("tis620", "TIS-620"),
            Map.entry("macroman", "x-MacRoman"),
            Map.entry("macce", "x-MacCentralEurope"));

    private Charsets() {}

    /**
     * The Java charset name for a MySQL character set name, or null for {@value #BINARY}.
     *
     * @throws LinkException {@code EVENT_UNREADABLE} for a character set Java cannot decode
     */
    public static String javaName(String mysqlCharset) {
        if (BINARY.equals(mysqlCharset)) {
            return null;
        }
        String javaName = JAVA_NAMES.get(mysqlCharset);
        if (javaName == null || !Charset.isSupported(javaName)) {
            throw new LinkException(
                    Code.EVENT_UNREADABLE,
                    "character set '" + mysqlCharset + "' of a replicated column has no Java decoder; "
                            + "convert the column to utf8mb4 (ALTER TABLE ... CONVERT TO CHARACTER SET utf8mb4)");
        }
        return javaName;
    }
}
