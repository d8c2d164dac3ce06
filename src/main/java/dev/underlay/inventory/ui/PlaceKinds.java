package dev.underlay.inventory.ui;

import dev.underlay.inventory.CatalogService;
import dev.underlay.inventory.Credential;
import dev.underlay.inventory.CredentialKind;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import dev.underlay.inventory.Violation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The editors of where machines are and how they are reached: sites, racks and credentials. */
final class PlaceKinds {
    private PlaceKinds() {
    }

    static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static Integer wholeNumber(Map<String, String> text, String field, Map<String, String> errors, String message) {
        String v = text.getOrDefault(field, "").strip();
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    /** Sites: a name and a description. */
    static final class Sites implements EditorKind<Site> {
        @Override public String entity() { return "site"; }
        @Override public Map<String, Site> records(Inventory inv) { return inv.sites(); }

        @Override
        public List<EditorField> fields() {
            return List.of(EditorField.text("name", "Name", "fra1"),
                    EditorField.text("description", "Description", "Frankfurt data centre 1, hall B"));
        }

        @Override
        public Map<String, String> text(Inventory inv, Site s) {
            return s == null ? Map.of() : Map.of("name", s.name(), "description", s.description());
        }

        @Override
        public Site parse(Map<String, String> text, Map<String, String> errors) {
            return new Site(text.get("name").strip(), text.get("description").strip());
        }

        @Override
        public String details(CatalogService catalog, Inventory inv, Site s) {
            long racks = inv.racks().values().stream().filter(r -> r.site().equals(s.name())).count();
            long machines = inv.machines().values().stream().filter(m -> m.site().equals(s.name())).count();
            return count(racks, "rack") + " and " + count(machines, "machine") + " in this site.";
        }
    }

    /** Racks: name, site, height, row and position in the row. */
    static final class Racks implements EditorKind<Rack> {
        @Override public String entity() { return "rack"; }
        @Override public Map<String, Rack> records(Inventory inv) { return inv.racks(); }

        @Override
        public List<EditorField> fields() {
            return List.of(EditorField.text("name", "Name", "fra1-r11"),
                    EditorField.choice("site", "Site", inv -> List.copyOf(inv.sites().keySet())),
                    EditorField.text("height", "Height (U)", "42"),
                    EditorField.text("row", "Row", "B"),
                    EditorField.text("position", "Position in row", "11"));
        }

        @Override
        public Map<String, String> text(Inventory inv, Rack r) {
            if (r == null) {
                String site = inv.sites().size() == 1 ? inv.sites().keySet().iterator().next() : "";
                return Map.of("site", site, "height", Integer.toString(Rack.DEFAULT_HEIGHT_U), "position", "1");
            }
            return Map.of("name", r.name(), "site", r.site(), "height", Integer.toString(r.heightU()),
                    "row", r.row(), "position", Integer.toString(r.position()));
        }

        @Override
        public Rack parse(Map<String, String> text, Map<String, String> errors) {
            Integer h = wholeNumber(text, "height", errors, "The height is a whole number of U, such as 42.");
            Integer p = wholeNumber(text, "position", errors, "The position is a whole number, such as 11.");
            if (text.get("site").isBlank()) {
                errors.put("site", "Choose the site the rack stands in.");
            }
            return new Rack(text.get("name").strip(), text.get("site").strip(), h == null ? 0 : h,
                    text.get("row").strip(), p == null ? 0 : p);
        }

        @Override
        public String details(CatalogService catalog, Inventory inv, Rack r) {
            List<Machine> in = inv.machinesInRack(r.name());
            int used = in.stream().filter(Machine::racked).mapToInt(Machine::uHeight).sum();
            return count(in.size(), "machine") + " in this rack, " + used + " of " + r.heightU() + " U taken.";
        }
    }

    /** Credentials: how to log in; the secret goes to the encrypted store and is never shown again. */
    static final class Credentials implements EditorKind<Credential> {
        @Override public String entity() { return "credential"; }
        @Override public Map<String, Credential> records(Inventory inv) { return inv.credentials(); }

        @Override
        public List<EditorField> fields() {
            return List.of(EditorField.text("name", "Name", "fra1-root"),
                    EditorField.choice("kind", "Kind", inv -> List.of("key", "password")),
                    EditorField.text("username", "User", "root"),
                    new EditorField("keyFile", "Key file", EditorField.Type.FILE, inv -> List.of(),
                            "path of an OpenSSH private key file").onlyWhen("kind", "key"),
                    new EditorField("secret", "Password or passphrase", EditorField.Type.SECRET, inv -> List.of(),
                            "type to set or replace; a stored one is never shown"),
                    EditorField.text("description", "Description", ""));
        }

        @Override
        public Map<String, String> text(Inventory inv, Credential c) {
            if (c == null) {
                return Map.of("kind", "key");
            }
            return Map.of("name", c.name(), "kind", c.kind().id(), "username", c.username(), "keyFile", c.keyFile(),
                    "description", c.description());
        }

        @Override
        public Credential parse(Map<String, String> text, Map<String, String> errors) {
            CredentialKind k = CredentialKind.parse(text.get("kind").isBlank() ? "key" : text.get("kind"));
            String keyFile = k == CredentialKind.KEY ? text.get("keyFile").strip() : "";
            if (k == CredentialKind.KEY && keyFile.isEmpty()) {
                errors.put("keyFile", "A key credential needs the path of its private key file.");
            }
            return new Credential(text.get("name").strip(), k, text.get("username").strip(), keyFile,
                    text.get("description").strip());
        }

        @Override
        public String details(CatalogService catalog, Inventory inv, Credential c) {
            long users = inv.machines().values().stream().filter(m -> m.credential().equals(c.name())).count();
            String secret = catalog.hasSecret(c.name())
                    ? (c.kind() == CredentialKind.KEY ? "A key passphrase" : "A password")
                    + " is stored encrypted; it is never shown, only replaced."
                    : "No secret is stored" + (c.kind() == CredentialKind.KEY ? " (fine for a key without passphrase)."
                    : ".");
            return secret + " Used by " + count(users, "machine") + ".";
        }

        @Override
        public Inventory save(CatalogService catalog, Credential read, Credential value, char[] secret) {
            if (value.kind() == CredentialKind.KEY) {
                String problem = keyFileProblem(value.keyFile());
                if (problem != null) {
                    java.util.Arrays.fill(secret, '\0');
                    throw new InventoryValidationException(List.of(new Violation("credential", value.name(),
                            "keyFile", problem)));
                }
            } else if (secret.length == 0 && !catalog.hasSecret(value.name())) {
                throw new InventoryValidationException(List.of(new Violation("credential", value.name(), "secret",
                        "credential " + value.name() + " logs in with a password: type it here")));
            }
            return catalog.saveCredential(read, value, secret);
        }

        /** Why the key file cannot be used, or null; file I/O, so on the task runner. */
        private static String keyFileProblem(String keyFile) {
            try {
                Path p = Path.of(keyFile);
                if (!Files.isRegularFile(p)) {
                    return "key file " + keyFile + " does not exist (or is not a file)";
                }
                if (!Files.isReadable(p)) {
                    return "key file " + keyFile + " cannot be read by this user";
                }
                return null;
            } catch (InvalidPathException e) {
                return "'" + keyFile + "' is not a file path";
            }
        }
    }
}
