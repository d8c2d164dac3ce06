package dev.underlay.inventory.io;

import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads an Ansible inventory file (INI or YAML, told apart by extension or first line) into an import. */
final class AnsibleImport {
    private static final Pattern YAML_KEY = Pattern.compile("[^=]*?:(?:\\s.*)?");

    private AnsibleImport() {
    }

    static ImportSource read(Path file, Inventory current, CredentialSecrets secrets) {
        ImportSource src = new ImportSource(file.toString());
        String text;
        try {
            text = TextFile.read(file);
        } catch (TextFile.NotTextException e) {
            src.stop(e.line, "", e.getMessage());
            return src;
        } catch (IOException e) {
            src.stop(0, "", "cannot read the file: " + TextFile.why(e));
            return src;
        }
        AnsibleModel model;
        if (isYaml(file, text)) {
            try {
                model = new AnsibleYamlReader(src, YamlTree.read(text)).read();
            } catch (LocatedTree.DuplicateKeyException e) {
                src.stop(e.line, e.key, e.getMessage());
                return src;
            } catch (YamlTree.YamlProblem e) {
                src.stop(e.line, "", e.getMessage());
                return src;
            } catch (YAMLException e) {
                src.stop(YamlSyntax.line(e), "", YamlSyntax.describe(e));
                return src;
            }
        } else {
            model = new AnsibleIniReader(src).read(text);
        }
        new AnsibleMapper(src, model, current, secrets).map();
        return src;
    }

    static boolean isYaml(Path file, String text) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".yml") || n.endsWith(".yaml")) {
            return true;
        }
        if (n.endsWith(".ini") || n.endsWith(".cfg")) {
            return false;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String t = text.substring(start, end).strip();
            start = end + 1;
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            // "all:", "web01:", "all: {...}" are YAML; "web01:2222" and "[web]" are INI
            return t.equals("---") || t.startsWith("{") || !t.startsWith("[") && YAML_KEY.matcher(t).matches();
        }
        return false;
    }
}
