package dev.underlay.automation.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the facts pack's output: sections that start with {@code ### NAME} and hold what the tool printed
 * ({@code hostname}, {@code uname -r}, {@code /etc/os-release}, {@code nproc}, {@code lscpu}, {@code free -b},
 * {@code lsblk -b}, {@code ip -j addr}), the same on real and lab hosts. A section missing or unreadable leaves
 * its facts empty ("" or -1); it never fails the others.
 */
public final class FactsReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FactsReader() {
    }

    /** The facts in {@code lines} (a host's output of the facts steps, in order). */
    public static MachineFacts read(String machine, Long job, Instant at, List<String> lines) {
        Map<String, List<String>> s = sections(lines);
        Map<String, String> osRelease = keyValues(s.get("os-release"), '=');
        Map<String, String> lscpu = keyValues(s.get("lscpu"), ':');
        String os = osRelease.getOrDefault("PRETTY_NAME", osRelease.getOrDefault("NAME", ""));
        return new MachineFacts(machine, job, at, first(s.get("hostname")), os, osRelease.getOrDefault("ID", ""),
                first(s.get("kernel")), (int) number(first(s.get("nproc"))), lscpu.getOrDefault("Model name", ""),
                memory(s.get("free")), disks(s.get("lsblk")), nics(s.get("ip")));
    }

    static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String l : lines) {
            if (l.startsWith("### ")) {
                current = out.computeIfAbsent(l.substring(4).strip(), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(l);
            }
        }
        return out;
    }

    private static String first(List<String> lines) {
        if (lines != null) {
            for (String l : lines) {
                if (!l.isBlank()) {
                    return l.strip();
                }
            }
        }
        return "";
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> keyValues(List<String> lines, char sep) {
        Map<String, String> out = new LinkedHashMap<>();
        if (lines != null) {
            for (String l : lines) {
                int i = l.indexOf(sep);
                if (i > 0) {
                    String v = l.substring(i + 1).strip();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1);
                    }
                    out.putIfAbsent(l.substring(0, i).strip(), v);
                }
            }
        }
        return out;
    }

    /** {@code free -b}: the total of the {@code Mem:} row. */
    private static long memory(List<String> lines) {
        if (lines != null) {
            for (String l : lines) {
                String[] w = l.strip().split("\\s+");
                if (w.length > 1 && w[0].equals("Mem:")) {
                    return number(w[1]);
                }
            }
        }
        return -1;
    }

    /** {@code lsblk -b}: the rows of TYPE disk (NAME MAJ:MIN RM SIZE RO TYPE ...). */
    private static List<MachineFacts.Disk> disks(List<String> lines) {
        List<MachineFacts.Disk> out = new ArrayList<>();
        if (lines != null) {
            for (String l : lines) {
                String[] w = l.strip().split("\\s+");
                if (w.length >= 6 && w[5].equals("disk")) {
                    out.add(new MachineFacts.Disk(w[0].replaceAll("^[^A-Za-z0-9]+", ""), number(w[3])));
                }
            }
        }
        return out;
    }

    /** {@code ip -j addr}: every interface but loopback, with its inet and inet6 addresses. */
    private static List<MachineFacts.Nic> nics(List<String> lines) {
        List<MachineFacts.Nic> out = new ArrayList<>();
        if (lines == null) {
            return out;
        }
        JsonNode arr;
        try {
            arr = JSON.readTree(String.join("\n", lines));
        } catch (JsonProcessingException e) {
            return out;
        }
        if (arr == null || !arr.isArray()) {
            return out;
        }
        for (JsonNode n : arr) {
            if ("loopback".equals(n.path("link_type").asText())) {
                continue;
            }
            List<String> addresses = new ArrayList<>();
            for (JsonNode a : n.path("addr_info")) {
                if (a.hasNonNull("local")) {
                    addresses.add(a.get("local").asText() + "/" + a.path("prefixlen").asInt());
                }
            }
            out.add(new MachineFacts.Nic(n.path("ifname").asText(), n.path("address").asText(),
                    n.path("mtu").asInt(-1), addresses));
        }
        return out;
    }
}
