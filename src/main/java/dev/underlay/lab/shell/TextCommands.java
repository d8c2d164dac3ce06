package dev.underlay.lab.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text filters for pipelines and files: wc, head, tail, grep. */
final class TextCommands {
    private TextCommands() {
    }

    static void register(Map<String, Commands.Command> t) {
        t.put("wc", TextCommands::wc);
        t.put("head", inv -> headTail(inv, true));
        t.put("tail", inv -> headTail(inv, false));
        t.put("grep", TextCommands::grep);
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
        String text = input(inv, FileCommands.operands(inv));
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
