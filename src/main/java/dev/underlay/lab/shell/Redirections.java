package dev.underlay.lab.shell;

import dev.underlay.lab.shell.Script.Redirect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Turns a command's redirections into where its output goes and what its input is. */
final class Redirections {
    private final ShellRun shell;

    Redirections(ShellRun shell) {
        this.shell = shell;
    }

    /** Where one stream ends up. */
    private record Target(int kind, Path file) {
        static final int TERM_OUT = 1;
        static final int TERM_ERR = 2;
        static final int NULL = 3;
        static final int FILE = 4;
    }

    /** The resolved redirections of one command. */
    static final class Plan {
        private Target out = new Target(Target.TERM_OUT, null);
        private Target err = new Target(Target.TERM_ERR, null);
        private boolean failed;
        private ShellHost host;

        boolean failed() {
            return failed;
        }

        boolean stdoutRedirected() {
            return out.kind() != Target.TERM_OUT;
        }

        void deliver(String outText, String errText, ShellRun.Output output) {
            send(out, outText, output);
            send(err, errText, output);
        }

        private void send(Target t, String text, ShellRun.Output output) {
            if (text.isEmpty()) {
                return;
            }
            switch (t.kind()) {
                case Target.TERM_OUT -> output.out(text);
                case Target.TERM_ERR -> output.err(text);
                case Target.FILE -> {
                    if (host.diskFull()) {
                        output.err("bash: " + t.file() + ": No space left on device\n");
                        return;
                    }
                    try {
                        Files.writeString(t.file(), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        output.err("bash: " + t.file() + ": " + FileErrors.describe(e) + "\n");
                    }
                }
                default -> { }
            }
        }
    }

    Plan plan(List<Redirect> redirects, Invocation inv, boolean piped) {
        Plan plan = new Plan();
        plan.host = shell.host();
        for (Redirect r : redirects) {
            String target = r.op().equals("<<") ? "" : shell.expand(r.target());
            switch (r.op()) {
                case "<<" -> {
                    String body = r.heredoc().toString();
                    String text = r.expandHeredoc() ? shell.expandText(body) : body;
                    inv.replaceStdin(text);
                }
                case "<" -> {
                    String content = HostFiles.read(shell.host(), shell.resolve(target));
                    if (content == null) {
                        inv.err.append("bash: ").append(target).append(": No such file or directory\n");
                        plan.failed = true;
                        return plan;
                    }
                    inv.replaceStdin(content);
                }
                case ">&" -> {
                    Target dup = target.equals("1") ? plan.out : target.equals("2") ? plan.err : null;
                    if (dup == null) {
                        inv.err.append("bash: ").append(target).append(": ambiguous redirect\n");
                        plan.failed = true;
                        return plan;
                    }
                    if (r.fd() == 2) {
                        plan.err = dup;
                    } else {
                        plan.out = dup;
                    }
                }
                default -> {
                    Target t = open(target, r.op().equals(">>"), inv);
                    if (t == null) {
                        plan.failed = true;
                        return plan;
                    }
                    if (r.fd() == 1 || r.fd() == 3) {
                        plan.out = t;
                    }
                    if (r.fd() == 2 || r.fd() == 3) {
                        plan.err = t;
                    }
                }
            }
        }
        // errors the shell itself reports (such as a failed redirection) go to the terminal's stderr
        return plan;
    }

    private Target open(String name, boolean append, Invocation inv) {
        if (name.equals("/dev/null")) {
            return new Target(Target.NULL, null);
        }
        if (name.equals("/dev/stderr")) {
            return new Target(Target.TERM_ERR, null);
        }
        if (name.equals("/dev/stdout")) {
            return new Target(Target.TERM_OUT, null);
        }
        if (shell.host().diskFull()) {
            inv.err.append("bash: ").append(name).append(": No space left on device\n");
            return null;
        }
        Path p = shell.resolve(name);
        try {
            if (append) {
                Files.write(p, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.write(p, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            }
            return new Target(Target.FILE, p);
        } catch (IOException e) {
            inv.err.append("bash: ").append(name).append(": ").append(FileErrors.describe(e)).append('\n');
            return null;
        }
    }

    /** Short file error texts in the words coreutils uses. */
    static final class FileErrors {
        private FileErrors() {
        }

        static String describe(IOException e) {
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException) {
                return "File exists";
            }
            if (e instanceof java.nio.file.DirectoryNotEmptyException) {
                return "Directory not empty";
            }
            if (e instanceof FileSystemException fse && fse.getReason() != null) {
                return fse.getReason();
            }
            String m = e.getMessage();
            return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("directory") ? "Is a directory"
                    : "Input/output error";
        }
    }
}
