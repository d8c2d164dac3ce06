package dev.underlay.inventory.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.Inventory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads an Ansible inventory file (INI or YAML, told apart by extension or first line) into an import. */
final class AnsibleImport {
    private static final YAMLFactory YAML = new YAMLFactory();

    private AnsibleImport() {
    }

    static ImportSource read(Path file, Inventory current, CredentialSecrets secrets) {
        ImportSource src = new ImportSource(file.toString());
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            src.problem(0, "", "cannot read the file: " + e.getMessage());
            return src;
        }
        AnsibleModel model;
        if (isYaml(file, lines)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 JsonParser p = YAML.createParser(in)) {
                model = new AnsibleYamlReader(src, LocatedTree.read(p)).read();
            } catch (LocatedTree.DuplicateKeyException e) {
                src.problem(e.line, e.key, e.getMessage());
                return src;
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                src.problem(line, "", "not valid YAML: " + firstLine(e.getOriginalMessage()));
                return src;
            } catch (IOException e) {
                src.problem(0, "", "cannot read the file: " + e.getMessage());
                return src;
            }
        } else {
            model = new AnsibleIniReader(src).read(lines);
        }
        if (src.problems.isEmpty()) {
            new AnsibleMapper(src, model, current, secrets).map();
        }
        return src;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static boolean isYaml(Path file, List<String> lines) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".yml") || n.endsWith(".yaml")) {
            return true;
        }
        if (n.endsWith(".ini") || n.endsWith(".cfg")) {
            return false;
        }
        for (String l : lines) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            return t.equals("---") || (t.endsWith(":") && !t.startsWith("["));
        }
        return false;
    }
}
