package dev.underlay.lab.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Commands fact gathering uses: hostname, uname, nproc, free, lsblk, ip, uptime, df, whoami, id, date. */
final class FactCommands {
    private FactCommands() {
    }

    static void register(Map<String, Commands.Command> t) {
        t.put("hostname", FactCommands::hostname);
        t.put("uname", FactCommands::uname);
        t.put("nproc", inv -> {
            inv.println(Integer.toString(inv.host().identity().cpus()));
            return 0;
        });
        t.put("free", inv -> {
            String unit = inv.args.contains("-h") ? "h" : inv.args.contains("-g") ? "g"
                    : inv.args.contains("-m") ? "m" : inv.args.contains("-b") ? "b" : "k";
            inv.out.append(Facts.free(inv.host().identity(), unit));
            return 0;
        });
        t.put("lsblk", inv -> {
            boolean json = inv.args.stream().anyMatch(a -> a.equals("-J") || a.equals("--json")
                    || (a.startsWith("-") && !a.startsWith("--") && a.contains("J")));
            boolean bytes = inv.args.stream().anyMatch(a -> a.equals("-b") || a.equals("--bytes")
                    || (a.startsWith("-") && !a.startsWith("--") && a.contains("b")));
            inv.out.append(Facts.lsblk(inv.host().identity(), json, bytes));
            return 0;
        });
        t.put("ip", FactCommands::ip);
        t.put("uptime", FactCommands::uptime);
        t.put("df", inv -> {
            boolean human = inv.args.stream().anyMatch(a -> a.startsWith("-") && a.contains("h"));
            inv.out.append(Facts.df(inv.host().identity(), human, inv.host().diskFull()));
            return 0;
        });
        t.put("whoami", inv -> {
            inv.println(inv.shell.user());
            return 0;
        });
        t.put("id", FactCommands::id);
        t.put("date", FactCommands::date);
    }

    private static int hostname(Invocation inv) {
        String h = inv.host().identity().hostname();
        if (inv.args.contains("-f") || inv.args.contains("--fqdn")) {
            inv.println(h.contains(".") ? h : h + ".lab.internal");
        } else if (inv.args.contains("-s") || inv.args.contains("--short")) {
            inv.println(h.contains(".") ? h.substring(0, h.indexOf('.')) : h);
        } else if (inv.args.contains("-I") || inv.args.contains("-i")) {
            inv.println(String.join(" ", inv.host().identity().nics().stream().map(HostIdentity.Nic::ipv4).toList()));
        } else if (inv.argc() > 0) {
            return inv.fail(1, "you must be root to change the host name");
        } else {
            inv.println(h);
        }
        return 0;
    }

    private static int uname(Invocation inv) {
        HostIdentity id = inv.host().identity();
        String kernel = id.os().kernel();
        String version = "#1 SMP PREEMPT_DYNAMIC Tue Apr 16 12:00:00 UTC 2024";
        String flags = String.join("", inv.args.subList(1, inv.args.size())).replace("-", "");
        if (flags.isEmpty()) {
            flags = "s";
        }
        if (flags.contains("a")) {
            inv.println("Linux " + id.hostname() + " " + kernel + " " + version + " x86_64 x86_64 x86_64 GNU/Linux");
            return 0;
        }
        StringBuilder b = new StringBuilder();
        for (char c : flags.toCharArray()) {
            String part = switch (c) {
                case 's' -> "Linux";
                case 'n' -> id.hostname();
                case 'r' -> kernel;
                case 'v' -> version;
                case 'm', 'p', 'i' -> "x86_64";
                case 'o' -> "GNU/Linux";
                default -> null;
            };
            if (part == null) {
                return inv.fail(1, "invalid option -- '" + c + "'");
            }
            b.append(b.length() == 0 ? "" : " ").append(part);
        }
        inv.println(b.toString());
        return 0;
    }

    private static int ip(Invocation inv) {
        List<String> a = inv.args.subList(1, inv.args.size());
        boolean json = a.contains("-j") || a.contains("-json") || a.contains("--json");
        List<String> rest = a.stream().filter(s -> !s.startsWith("-")).toList();
        String obj = rest.isEmpty() ? "" : rest.get(0);
        if (obj.equals("a") || obj.equals("addr") || obj.equals("address")) {
            inv.out.append(Facts.ipAddr(inv.host().identity(), json));
            return 0;
        }
        if (obj.equals("r") || obj.equals("route")) {
            HostIdentity.Nic n = inv.host().identity().nics().get(0);
            String[] o = n.ipv4().split("\\.");
            inv.println("default via " + o[0] + "." + o[1] + "." + o[2] + ".1 dev " + n.name() + " proto static");
            return 0;
        }
        inv.err.append("Object \"").append(obj).append("\" is unknown, try \"ip help\".\n");
        return 1;
    }

    private static int uptime(Invocation inv) {
        long now = inv.host().nowMillis();
        long up = Math.max(60, now / 1000 - inv.host().identity().bootEpochSecond());
        if (inv.args.contains("-p")) {
            inv.println("up " + up / 86_400 + " days, " + (up % 86_400) / 3600 + " hours, "
                    + (up % 3600) / 60 + " minutes");
            return 0;
        }
        if (inv.args.contains("-s")) {
            inv.println(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC)
                    .format(Instant.ofEpochSecond(inv.host().identity().bootEpochSecond())));
            return 0;
        }
        String[] load = Facts.loadavg(inv.host().identity(), now).split(" ");
        String clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(now));
        inv.println(String.format(" %s up %d days, %2d:%02d,  1 user,  load average: %s, %s, %s", clock,
                up / 86_400, (up % 86_400) / 3600, (up % 3600) / 60, load[0], load[1], load[2]));
        return 0;
    }

    private static int id(Invocation inv) {
        String u = inv.shell.user();
        int uid = u.equals("root") ? 0 : 1000;
        if (inv.args.contains("-u")) {
            inv.println(Integer.toString(uid));
        } else if (inv.args.contains("-un") || (inv.args.contains("-u") && inv.args.contains("-n"))) {
            inv.println(u);
        } else {
            inv.println("uid=" + uid + "(" + u + ") gid=" + uid + "(" + u + ") groups=" + uid + "(" + u + ")"
                    + (uid == 0 ? "" : ",27(sudo)"));
        }
        return 0;
    }

    private static int date(Invocation inv) {
        Instant now = Instant.ofEpochMilli(inv.host().nowMillis());
        for (String a : inv.args.subList(1, inv.args.size())) {
            if (a.equals("+%s")) {
                inv.println(Long.toString(now.getEpochSecond()));
                return 0;
            }
            if (a.equals("-Iseconds") || a.equals("--iso-8601=seconds")) {
                inv.println(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)
                        .withNano(0)));
                return 0;
            }
            if (a.equals("-u") || a.equals("--utc")) {
                continue;
            }
            if (a.startsWith("+")) {
                inv.println(strftime(a.substring(1), now));
                return 0;
            }
        }
        inv.println(DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC).format(now));
        return 0;
    }

    private static String strftime(String f, Instant now) {
        var t = now.atOffset(ZoneOffset.UTC);
        return f.replace("%Y", String.format("%04d", t.getYear()))
                .replace("%m", String.format("%02d", t.getMonthValue()))
                .replace("%d", String.format("%02d", t.getDayOfMonth()))
                .replace("%H", String.format("%02d", t.getHour()))
                .replace("%M", String.format("%02d", t.getMinute()))
                .replace("%S", String.format("%02d", t.getSecond()))
                .replace("%s", Long.toString(now.getEpochSecond()));
    }
}
