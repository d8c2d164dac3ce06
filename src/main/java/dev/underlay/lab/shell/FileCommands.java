package dev.underlay.lab.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** File commands over the host's in-memory file system: cat, ls, mkdir, rm, touch, cp, mv, tee, chmod. */
final class FileCommands {
    private static final String NO_SPACE = "No space left on device";

    private FileCommands() {
    }

    static void register(Map<String, Commands.Command> t) {
        t.put("cat", FileCommands::cat);
        t.put("ls", FileCommands::ls);
        t.put("mkdir", FileCommands::mkdir);
        t.put("rm", FileCommands::rm);
        t.put("touch", FileCommands::touch);
        t.put("cp", inv -> copyOrMove(inv, false));
        t.put("mv", inv -> copyOrMove(inv, true));
        t.put("tee", FileCommands::tee);
        t.put("chmod", inv -> 0);
        t.put("chown", inv -> 0);
    }

    static List<String> operands(Invocation inv) {
        return inv.args.subList(1, inv.args.size()).stream().filter(a -> !a.startsWith("-") || a.equals("-"))
                .toList();
    }

    private static int cat(Invocation inv) {
        List<String> files = operands(inv);
        if (files.isEmpty()) {
            inv.out.append(inv.stdin());
            return 0;
        }
        int rc = 0;
        for (String f : files) {
            if (f.equals("-")) {
                inv.out.append(inv.stdin());
                continue;
            }
            Path p = inv.path(f);
            String text = HostFiles.read(inv.host(), p);
            if (text == null) {
                rc = inv.fail(1, f + ": " + (HostFiles.isDirectory(inv.host(), p) ? "Is a directory"
                        : "No such file or directory"));
            } else {
                inv.out.append(text);
            }
        }
        return rc;
    }

    private static int ls(Invocation inv) {
        List<String> dirs = operands(inv);
        boolean all = inv.args.stream().anyMatch(a -> a.startsWith("-") && a.contains("a"));
        boolean longForm = inv.args.stream().anyMatch(a -> a.startsWith("-") && a.contains("l"));
        int rc = 0;
        for (String d : dirs.isEmpty() ? List.of(".") : dirs) {
            Path p = inv.path(d);
            if (Files.isRegularFile(p)) {
                inv.println(longForm ? longLine(p, d) : d);
                continue;
            }
            if (!Files.isDirectory(p)) {
                rc = inv.fail(2, "cannot access '" + d + "': No such file or directory");
                continue;
            }
            List<Path> children = new ArrayList<>();
            try (Stream<Path> s = Files.list(p)) {
                s.sorted(Comparator.comparing(Path::toString)).forEach(children::add);
            } catch (IOException e) {
                rc = inv.fail(2, "cannot open directory '" + d + "': " + Redirections.FileErrors.describe(e));
                continue;
            }
            for (Path c : children) {
                String name = c.getFileName().toString();
                if (!all && name.startsWith(".")) {
                    continue;
                }
                inv.println(longForm ? longLine(c, name) : name);
            }
        }
        return rc;
    }

    private static String longLine(Path p, String name) {
        try {
            boolean dir = Files.isDirectory(p);
            return String.format("%s 1 root root %8d Jan  1 00:00 %s", dir ? "drwxr-xr-x" : "-rw-r--r--",
                    dir ? 4096 : Files.size(p), name);
        } catch (IOException e) {
            return name;
        }
    }

    private static int mkdir(Invocation inv) {
        boolean parents = inv.args.stream().anyMatch(a -> a.startsWith("-") && a.contains("p"));
        int rc = 0;
        for (String d : operands(inv)) {
            Path p = inv.path(d);
            if (parents && Files.isDirectory(p)) {
                continue;
            }
            if (inv.host().diskFull()) {
                rc = inv.fail(1, "cannot create directory '" + d + "': " + NO_SPACE);
                continue;
            }
            try {
                if (parents) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectory(p);
                }
            } catch (IOException e) {
                rc = inv.fail(1, "cannot create directory '" + d + "': " + Redirections.FileErrors.describe(e));
            }
        }
        return rc;
    }

    private static int rm(Invocation inv) {
        boolean force = inv.args.stream().anyMatch(a -> a.startsWith("-") && a.contains("f"));
        boolean recursive = inv.args.stream().anyMatch(a -> a.startsWith("-") && (a.contains("r") || a.contains("R")));
        int rc = 0;
        for (String f : operands(inv)) {
            Path p = inv.path(f);
            if (!Files.exists(p)) {
                if (!force) {
                    rc = inv.fail(1, "cannot remove '" + f + "': No such file or directory");
                }
                continue;
            }
            if (Files.isDirectory(p) && !recursive) {
                rc = inv.fail(1, "cannot remove '" + f + "': Is a directory");
                continue;
            }
            try (Stream<Path> s = Files.walk(p)) {
                for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(x);
                }
            } catch (IOException e) {
                rc = inv.fail(1, "cannot remove '" + f + "': " + Redirections.FileErrors.describe(e));
            }
        }
        return rc;
    }

    private static int touch(Invocation inv) {
        int rc = 0;
        for (String f : operands(inv)) {
            Path p = inv.path(f);
            if (Files.exists(p)) {
                continue;
            }
            if (inv.host().diskFull()) {
                rc = inv.fail(1, "cannot touch '" + f + "': " + NO_SPACE);
                continue;
            }
            try {
                Files.createFile(p);
            } catch (IOException e) {
                rc = inv.fail(1, "cannot touch '" + f + "': " + Redirections.FileErrors.describe(e));
            }
        }
        return rc;
    }

    private static int copyOrMove(Invocation inv, boolean move) {
        List<String> ops = operands(inv);
        if (ops.size() != 2) {
            return inv.fail(1, "expected a source and a destination");
        }
        if (!move && inv.host().diskFull()) {
            return inv.fail(1, "error writing '" + ops.get(1) + "': " + NO_SPACE);
        }
        Path from = inv.path(ops.get(0));
        Path to = inv.path(ops.get(1));
        if (Files.isDirectory(to)) {
            to = to.resolve(from.getFileName().toString());
        }
        try {
            if (move) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
            return 0;
        } catch (IOException e) {
            return inv.fail(1, "cannot stat '" + ops.get(0) + "': " + Redirections.FileErrors.describe(e));
        }
    }

    private static int tee(Invocation inv) {
        String text = inv.stdin();
        inv.out.append(text);
        boolean append = inv.args.contains("-a");
        int rc = 0;
        for (String f : operands(inv)) {
            if (inv.host().diskFull()) {
                rc = inv.fail(1, f + ": " + NO_SPACE);
                continue;
            }
            try {
                Files.writeString(inv.path(f), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                rc = inv.fail(1, f + ": " + Redirections.FileErrors.describe(e));
            }
        }
        return rc;
    }

}
