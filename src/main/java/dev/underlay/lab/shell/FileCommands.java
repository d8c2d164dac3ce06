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

/** File commands over the host's in-memory file system: cat, ls, mkdir, rm, touch, cp, mv, tee, wc, head, grep. */
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
        t.put("wc", FileCommands::wc);
        t.put("head", inv -> headTail(inv, true));
        t.put("tail", inv -> headTail(inv, false));
        t.put("grep", FileCommands::grep);
    }

    private static List<String> operands(Invocation inv) {
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

    private static String input(Invocation inv, List<String> files) {
        if (files.isEmpty()) {
            return inv.stdin();
        }
        StringBuilder b = new StringBuilder();
        for (String f : files) {
            String t = HostFiles.read(inv.host(), inv.path(f));
            if (t == null) {
                inv.fail(1, f + ": No such file or directory");
                return null;
            }
            b.append(t);
        }
        return b.toString();
    }

    private static int wc(Invocation inv) {
        String text = input(inv, operands(inv));
        if (text == null) {
            return 1;
        }
        long lines = text.chars().filter(c -> c == '\n').count();
        if (inv.args.contains("-l")) {
            inv.println(Long.toString(lines));
        } else if (inv.args.contains("-c")) {
            inv.println(Integer.toString(text.getBytes(StandardCharsets.UTF_8).length));
        } else {
            long words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
            inv.println(String.format("%7d %7d %7d", lines, words, text.getBytes(StandardCharsets.UTF_8).length));
        }
        return 0;
    }

    private static int headTail(Invocation inv, boolean head) {
        int n = 10;
        int bytes = -1;
        List<String> files = new ArrayList<>();
        List<String> a = inv.args.subList(1, inv.args.size());
        for (int i = 0; i < a.size(); i++) {
            String s = a.get(i);
            if ((s.equals("-n") || s.equals("-c")) && i + 1 < a.size()) {
                if (!a.get(i + 1).matches("\\d+")) {
                    return inv.fail(1, "invalid number of " + (s.equals("-c") ? "bytes" : "lines") + ": '"
                            + a.get(i + 1) + "'");
                }
                int v = Integer.parseInt(a.get(++i));
                if (s.equals("-c")) {
                    bytes = v;
                } else {
                    n = v;
                }
            } else if (s.matches("-n?\\d+")) {
                n = Integer.parseInt(s.replaceAll("\\D", ""));
            } else {
                files.add(s);
            }
        }
        String text = input(inv, files);
        if (text == null) {
            return 1;
        }
        if (bytes >= 0) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            int len = Math.min(bytes, b.length);
            inv.out.append(new String(b, head ? 0 : b.length - len, len, StandardCharsets.UTF_8));
            return 0;
        }
        List<String> lines = text.lines().toList();
        List<String> pick = head ? lines.subList(0, Math.min(n, lines.size()))
                : lines.subList(Math.max(0, lines.size() - n), lines.size());
        pick.forEach(inv::println);
        return 0;
    }

    private static int grep(Invocation inv) {
        List<String> a = inv.args.subList(1, inv.args.size());
        boolean count = false;
        boolean quiet = false;
        boolean invert = false;
        boolean ignoreCase = false;
        List<String> rest = new ArrayList<>();
        for (String s : a) {
            if (s.startsWith("-") && s.length() > 1 && rest.isEmpty()) {
                count |= s.contains("c");
                quiet |= s.contains("q");
                invert |= s.contains("v");
                ignoreCase |= s.contains("i");
            } else {
                rest.add(s);
            }
        }
        if (rest.isEmpty()) {
            inv.err.append("Usage: grep [OPTION]... PATTERNS [FILE]...\n");
            return 2;
        }
        java.util.regex.Pattern p;
        try {
            p = java.util.regex.Pattern.compile(rest.get(0), ignoreCase ? java.util.regex.Pattern.CASE_INSENSITIVE : 0);
        } catch (java.util.regex.PatternSyntaxException e) {
            p = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(rest.get(0)));
        }
        String text = input(inv, rest.subList(1, rest.size()));
        if (text == null) {
            return 2;
        }
        int matches = 0;
        for (String line : text.lines().toList()) {
            if (p.matcher(line).find() != invert) {
                matches++;
                if (!count && !quiet) {
                    inv.println(line);
                }
            }
        }
        if (count) {
            inv.println(Integer.toString(matches));
        }
        return matches > 0 ? 0 : 1;
    }
}
