package io.shardhome.filter.csv;

import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.Names;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One pass over one CSV shard map, collecting definitions and every error. Single use, not thread-safe. */
final class ShardMapCsvParser {
    private static final Pattern VERSION = Pattern.compile("#\\s*version\\s*:\\s*(\\S*)\\s*", Pattern.CASE_INSENSITIVE);
    private static final char BOM = '\uFEFF';

    private final String source;
    private final List<CsvError> errors = new ArrayList<>();
    private final LineFields fields = new LineFields();
    private final Map<String, Home> homes = new HashMap<>();
    private final Map<String, Integer> lineOfShard = new HashMap<>();
    private final List<ShardDefinition> definitions = new ArrayList<>();
    private CsvHeader header;
    private long version;
    private int versionLine;

    ShardMapCsvParser(String source) {
        this.source = source;
    }

    ShardMapParseResult parse(BufferedReader reader) throws IOException {
        int lineNumber = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
                    line = line.substring(1);
                }
                parseLine(lineNumber, line);
            }
        } catch (CharacterCodingException e) {
            errors.add(new CsvError(lineNumber + 1, 1, "the file is not valid UTF-8 here; save it as UTF-8"));
        }
        if (header == null) {
            errors.add(new CsvError(
                    Math.max(1, lineNumber),
                    1,
                    "missing header; the first line must be '" + CsvHeader.HEADER_LINE + "'"));
        }
        if (!errors.isEmpty()) {
            return ShardMapParseResult.invalid(source, errors);
        }
        return ShardMapParseResult.valid(source, ShardMap.of(version, definitions));
    }

    private void parseLine(int line, String text) {
        int first = 0;
        while (first < text.length() && LineFields.isSeparator(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return;
        }
        if (text.charAt(first) == '#') {
            comment(line, text, first);
        } else if (header == null) {
            headerLine(line, text);
        } else {
            dataLine(line, text);
        }
    }

    private void comment(int line, String text, int hash) {
        Matcher matcher = VERSION.matcher(text).region(hash, text.length());
        if (!matcher.matches()) {
            return;
        }
        String value = matcher.group(1);
        int column = matcher.start(1) + 1;
        if (versionLine > 0) {
            errors.add(new CsvError(
                    line,
                    hash + 1,
                    "version is given twice (first on line " + versionLine + "); keep one version line"));
            return;
        }
        versionLine = line;
        try {
            version = Long.parseLong(value);
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (version < 0) {
            errors.add(new CsvError(line, column, "bad version '" + value + "'; use a whole number from 0"));
        }
    }

    private void headerLine(int line, String text) {
        fields.split(text, 0);
        header = CsvHeader.read(fields, line, errors);
        if (header == null) {
            errors.add(new CsvError(
                    line,
                    1,
                    "missing header; the first line must be '" + CsvHeader.HEADER_LINE + "' but is '" + fields.joined()
                            + "'"));
            header = CsvHeader.DEFAULT;
            dataLine(line, text);
        }
    }

    private void dataLine(int line, String text) {
        fields.split(text, header.fieldCount());
        int count = fields.count();
        if (count != header.fieldCount()) {
            boolean tooFew = count < header.fieldCount();
            errors.add(new CsvError(
                    line,
                    tooFew ? fields.endColumn() : fields.column(header.fieldCount()),
                    (tooFew ? "too few fields: expected " : "too many fields: expected ") + header.fieldCount()
                            + " (" + CsvHeader.HEADER_LINE + "), found " + count
                            + (tooFew ? "" : "; start a trailing comment with '#'")));
            return;
        }
        String shardId = shardId(line);
        Home home = home(line);
        Boolean critical = critical(line);
        if (shardId != null && home != null && critical != null) {
            definitions.add(new ShardDefinition(shardId, home, critical));
        }
    }

    private String shardId(int line) {
        if (header.shardId() < 0) {
            return null;
        }
        String shardId = fields.value(header.shardId());
        int column = fields.column(header.shardId());
        String problem = Names.shardIdProblem(shardId)
                .or(() -> Names.reservedSchemaProblem(shardId))
                .orElse(null);
        if (problem != null) {
            errors.add(new CsvError(line, column, problem));
            return null;
        }
        Integer firstLine = lineOfShard.putIfAbsent(shardId, line);
        if (firstLine != null) {
            errors.add(new CsvError(
                    line,
                    column,
                    "shard '" + shardId + "' is defined on lines " + firstLine + " and " + line
                            + "; a shard has one home, keep one line"));
            return null;
        }
        return shardId;
    }

    private Home home(int line) {
        if (header.master() < 0) {
            return null;
        }
        String text = fields.value(header.master());
        Home home = homes.get(text);
        if (home == null) {
            String problem = homeProblem(text);
            if (problem != null) {
                errors.add(new CsvError(line, fields.column(header.master()), problem));
                return null;
            }
            home = Home.parse(text);
            homes.put(text, home);
        }
        return home;
    }

    private Boolean critical(int line) {
        if (header.critical() < 0) {
            return null;
        }
        String text = fields.value(header.critical());
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        errors.add(new CsvError(
                line, fields.column(header.critical()), "bad critical value '" + text + "'; use true or false"));
        return null;
    }

    private static String homeProblem(String text) {
        if (Home.LOCAL_TEXT.equalsIgnoreCase(text)) {
            return null;
        }
        if (text.startsWith("#")) {
            return "master '" + text + "' is invalid; the only special master is " + Home.LOCAL_TEXT;
        }
        return Names.siteNameProblem(text).map(p -> "master " + p).orElse(null);
    }
}
