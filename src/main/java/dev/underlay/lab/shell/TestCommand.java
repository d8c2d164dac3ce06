package dev.underlay.lab.shell;

import java.nio.file.Path;
import java.util.List;

/** {@code test} and {@code [}: file tests, string tests, integer comparisons, {@code !}, {@code -a}/{@code -o}. */
final class TestCommand {
    private TestCommand() {
    }

    static int run(Invocation inv, List<String> a) {
        try {
            return eval(inv, a) ? 0 : 1;
        } catch (IllegalArgumentException e) {
            inv.err.append("bash: ").append(inv.name()).append(": ").append(e.getMessage()).append('\n');
            return 2;
        }
    }

    private static boolean eval(Invocation inv, List<String> a) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals("-o") && i > 0) {
                return eval(inv, a.subList(0, i)) || eval(inv, a.subList(i + 1, a.size()));
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals("-a") && i > 0) {
                return eval(inv, a.subList(0, i)) && eval(inv, a.subList(i + 1, a.size()));
            }
        }
        if (!a.isEmpty() && a.get(0).equals("!")) {
            return !eval(inv, a.subList(1, a.size()));
        }
        switch (a.size()) {
            case 0:
                return false;
            case 1:
                return !a.get(0).isEmpty();
            case 2:
                return unary(inv, a.get(0), a.get(1));
            case 3:
                return binary(a.get(0), a.get(1), a.get(2));
            default:
                throw new IllegalArgumentException("too many arguments");
        }
    }

    private static boolean unary(Invocation inv, String op, String arg) {
        switch (op) {
            case "-z":
                return arg.isEmpty();
            case "-n":
                return !arg.isEmpty();
            case "-e":
            case "-f":
            case "-d":
            case "-s":
            case "-r":
            case "-w":
            case "-x":
                Path p = inv.path(arg);
                return switch (op) {
                    case "-d" -> HostFiles.isDirectory(inv.host(), p);
                    case "-f", "-r", "-w" -> HostFiles.isFile(inv.host(), p);
                    case "-s" -> HostFiles.isFile(inv.host(), p) && !HostFiles.read(inv.host(), p).isEmpty();
                    default -> HostFiles.exists(inv.host(), p);
                };
            default:
                throw new IllegalArgumentException(op + ": unary operator expected");
        }
    }

    private static boolean binary(String l, String op, String r) {
        switch (op) {
            case "=":
            case "==":
                return l.equals(r);
            case "!=":
                return !l.equals(r);
            case "-eq":
                return num(l) == num(r);
            case "-ne":
                return num(l) != num(r);
            case "-lt":
                return num(l) < num(r);
            case "-le":
                return num(l) <= num(r);
            case "-gt":
                return num(l) > num(r);
            case "-ge":
                return num(l) >= num(r);
            default:
                throw new IllegalArgumentException(op + ": binary operator expected");
        }
    }

    private static long num(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s + ": integer expression expected");
        }
    }
}
