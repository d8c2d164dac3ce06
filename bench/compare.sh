#!/usr/bin/env bash
# bench/compare.sh RAW.tsv [OUR_KEX] — per-host medians of every (tool, concurrency) in a baseline.sh raw file and
# Underlay's ratios: client CPU per host vs parallel-ssh at the same key exchange (curve25519-sha256 row when
# OUR_KEX is curve25519*, else the default-KEX row), wall vs the same row and vs the best Ansible row.
set -euo pipefail
awk -F'\t' -v ourkex="${2:-curve25519-sha256}" '
  function med(a, k, n,   i, j, t, v) {
    for (i = 1; i <= n; i++) v[i] = a[k, i]
    for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  NR > 1 { k = $1 "|" $2; if (!(k in r)) ord[++nk] = k; i = ++r[k]; N[k] = $3
           w[k, i] = $5; c[k, i] = $6; s[k, i] = $7; f[k] += $10; fo[k, i] = $8 }
  END {
    print "| tool | conc. | N | wall s | client CPU ms/host | server CPU ms/host | failures | foreign CPU s | key exchange |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---|"
    for (x = 1; x <= nk; x++) {
      k = ord[x]; n = r[k]; split(k, p, "|")
      W[k] = med(w, k, n); C[k] = med(c, k, n) * 1000 / N[k]; S[k] = med(s, k, n) * 1000 / N[k]
      kx = p[1] == "underlay" ? ourkex : p[1] ~ /c25519/ ? "curve25519-sha256" : "sntrup761x25519-sha512 (default)"
      printf "| %s | %s | %s | %.2f | %.1f | %.1f | %d/%d | %.2f | %s |\n", p[1], p[2], N[k], W[k], C[k], S[k], f[k], N[k] * n, med(fo, k, n), kx
      if (p[1] == "underlay") u = k
      if (p[1] == "parallel-ssh-c25519") pc = k
      if (p[1] == "parallel-ssh" && (pd == "" || W[k] < W[pd])) pd = k
      if (p[1] == "ansible" && (an == "" || W[k] < W[an])) an = k
    }
    if (u == "") exit
    ref = ourkex ~ /^curve25519/ ? pc : pd
    print ""
    if (ref != "") {
      printf "- client CPU per host: Underlay %.1f ms vs %s %.1f ms = %.2fx (target: under 0.33x and about 3 ms)\n", C[u], ref, C[ref], C[u] / C[ref]
      printf "- wall: Underlay %.2f s vs %s %.2f s = %.2fx (target: at most 1x)\n", W[u], ref, W[ref], W[u] / W[ref]
    }
    if (an != "") printf "- wall vs the fastest Ansible row (%s): %.2f s vs %.2f s = %.2fx (target: under 0.2x)\n", an, W[u], W[an], W[u] / W[an]
  }' "$1"
