package dev.underlay.inventory.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.MachineStatus;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Machines as CSV, one row each: the columns below, tags and profiles space-separated (semicolons are read too),
 * params as a JSON object in one cell. A file may hold any subset of the columns as long as it has {@code name};
 * for a machine that exists, a missing column keeps its stored value.
 */
final class CsvMachines {
    static final List<String> COLUMNS = List.of("name", "kind", "site", "rack", "u", "height", "face", "address",
            "port", "user", "credential", "status", "tags", "profiles", "provider", "region", "instance_id",
            "params");
    private static final String EOL = "\r\n";

    private CsvMachines() {
    }

    static List<String> write(Inventory inv, Writer out) throws IOException {
        SecretOmissions secure = new SecretOmissions(inv);
        out.write(String.join(",", COLUMNS));
        out.write(EOL);
        for (Machine m : inv.machines().values()) {
            Map<String, JsonNode> params = secure.visible("machine " + m.name(), m.params());
            List<String> cells = List.of(m.name(), m.kind().id(), m.site(), m.rack(),
                    m.uPosition() == null ? "" : m.uPosition().toString(), Integer.toString(m.uHeight()),
                    m.face().id(), m.address(), Integer.toString(m.sshPort()), m.sshUser(), m.credential(),
                    m.status().id(), String.join(" ", m.tags()), String.join(" ", m.profiles()), m.cloudProvider(),
                    m.cloudRegion(), m.instanceId(), params.isEmpty() ? "" : Json.write(params));
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(Csv.quote(Csv.guard(cells.get(i))));
            }
            out.write(EOL);
        }
        return List.copyOf(secure.omitted);
    }

    static ImportSource read(Path file, Inventory current) {
        ImportSource src = new ImportSource(file.toString());
        Csv.Rows read;
        try {
            read = Csv.read(new StringReader(TextFile.read(file)));
        } catch (TextFile.NotTextException e) {
            src.stop(e.line, "", e.getMessage());
            return src;
        } catch (IOException e) {
            src.stop(0, "", "cannot read the file: " + TextFile.why(e));
            return src;
        }
        List<Csv.Row> rows = read.rows();
        if (read.unclosedQuote() > 0) {
            // the rows before it are whole and are read; the rest of the file is inside the quote
            src.problem(read.unclosedQuote(), "", "a quoted field opened on line " + read.unclosedQuote()
                    + " is never closed, so the rest of the file is one field");
        }
        if (rows.isEmpty()) {
            src.stop(1, "", "the file is empty; the first line must name the columns (" + String.join(",",
                    COLUMNS) + ")");
            return src;
        }
        List<String> header = rows.get(0).cells().stream().map(String::strip).toList();
        Map<String, Integer> col = new HashMap<>();
        boolean ambiguous = false;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (!COLUMNS.contains(h)) {
                // reported, and the column left out: the others still say what they say
                src.problem(1, h, "unknown column '" + h + "' (columns are " + String.join(",", COLUMNS) + ")");
            } else if (col.put(h, i) != null) {
                src.problem(1, h, "column '" + h + "' appears twice");
                ambiguous = true;
            }
        }
        if (!col.containsKey("name")) {
            src.stop(1, "name", "the first line must name the columns and include 'name'");
            return src;
        }
        if (ambiguous) {
            src.stopped = true;
            return src;
        }
        for (Csv.Row row : rows.subList(1, rows.size())) {
            new RowReader(src, row, col, header.size()).read(current);
        }
        return src;
    }

    /** Reads one data row into a machine, reporting each bad cell with its line and column. */
    private static final class RowReader {
        private final ImportSource src;
        private final Csv.Row row;
        private final Map<String, Integer> col;
        private final int columns;
        private String name = "";

        RowReader(ImportSource src, Csv.Row row, Map<String, Integer> col, int columns) {
            this.src = src;
            this.row = row;
            this.col = col;
            this.columns = columns;
        }

        void read(Inventory current) {
            if (row.cells().size() != columns) {
                String first = row.cells().isEmpty() ? "" : Csv.unguard(row.cells().get(0).strip());
                src.problem(row.line(), "", "the row" + (first.isEmpty() ? "" : " of " + first) + " has "
                        + row.cells().size() + (row.cells().size() == 1 ? " field" : " fields")
                        + " but the first line names " + columns + " columns (a comma too many or too few?)");
                return;
            }
            name = cell("name");
            if (name.isEmpty()) {
                src.problem(row.line(), "name", "the row has no machine name");
                return;
            }
            if (!src.define("machine", name, ImportSource.Origin.at(row.line()))) {
                return;
            }
            Machine existing = current.machines().get(name);
            Machine.Builder b = existing == null ? Machine.builder(name) : existing.toBuilder();
            if (has("kind")) {
                b.kind(choice("kind", MachineKind::parse, MachineKind.BARE_METAL));
            }
            if (has("site")) {
                b.site(cell("site"));
            }
            if (has("rack")) {
                b.rack(cell("rack"));
            }
            if (has("u")) {
                b.uPosition(number("u", null));
            }
            if (has("height")) {
                b.uHeight(number("height", 1));
            }
            if (has("face")) {
                b.face(choice("face", Face::parse, Face.FRONT));
            }
            if (has("address")) {
                b.address(cell("address"));
            }
            if (has("port")) {
                b.sshPort(number("port", Machine.DEFAULT_SSH_PORT));
            }
            if (has("user")) {
                b.sshUser(cell("user"));
            }
            if (has("credential")) {
                b.credential(cell("credential"));
            }
            if (has("status")) {
                b.status(choice("status", MachineStatus::parse, MachineStatus.NEW));
            }
            if (has("tags")) {
                b.tags(list("tags"));
            }
            if (has("profiles")) {
                b.profiles(list("profiles"));
            }
            if (has("provider")) {
                b.cloudProvider(cell("provider"));
            }
            if (has("region")) {
                b.cloudRegion(cell("region"));
            }
            if (has("instance_id")) {
                b.instanceId(cell("instance_id"));
            }
            if (has("params")) {
                b.params(params());
            }
            src.entities.machines.add(b.build());
        }

        private boolean has(String column) {
            return col.containsKey(column);
        }

        private String cell(String column) {
            Integer i = col.get(column);
            return i == null || i >= row.cells().size() ? "" : Csv.unguard(row.cells().get(i).strip());
        }

        private Integer number(String column, Integer dflt) {
            String t = cell(column);
            if (t.isEmpty()) {
                return dflt;
            }
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                src.problem(row.line(), column, "machine " + name + ": " + column + " must be a whole number, not '"
                        + t + "'");
                return dflt;
            }
        }

        private <T> T choice(String column, Function<String, T> parser, T dflt) {
            String t = cell(column);
            if (t.isEmpty()) {
                return dflt;
            }
            try {
                return parser.apply(t);
            } catch (IllegalArgumentException e) {
                src.problem(row.line(), column, "machine " + name + ": " + e.getMessage());
                return dflt;
            }
        }

        private List<String> list(String column) {
            String t = cell(column);
            return t.isEmpty() ? List.of() : Arrays.stream(t.split("[\\s;]+")).filter(s -> !s.isEmpty()).toList();
        }

        private Map<String, JsonNode> params() {
            String t = cell("params");
            if (t.isEmpty()) {
                return new LinkedHashMap<>();
            }
            String why;
            try {
                JsonNode n = Json.MAPPER.readTree(t);
                if (n != null && n.isObject()) {
                    Map<String, JsonNode> out = new LinkedHashMap<>();
                    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
                    return out;
                }
                why = "it is " + (n == null ? "empty" : YamlScalars.kind(n));
            } catch (JsonProcessingException e) {
                why = JsonSyntax.describe(e);
            }
            src.problem(row.line(), "params", "machine " + name + ": params must be a JSON object such as "
                    + "{\"env\": \"prod\"} (" + why + ")");
            return new LinkedHashMap<>();
        }
    }
}
