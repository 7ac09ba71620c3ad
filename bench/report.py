"""Medians per bot from bench/run.sh's rounds, ratios against the stock echo bot, as a Markdown table and a TSV for the chart."""
import csv, statistics, sys

raw, out, machine = sys.argv[1], sys.argv[2], sys.argv[3]
flows_tsv = sys.argv[4] if len(sys.argv) > 4 else None  # bench/TapBot.Bench --flows output: per-flow round trips and latency
rows = list(csv.DictReader(open(raw), delimiter="\t"))
bots = list(dict.fromkeys(r["bot"] for r in rows))
cols = ["ready_s", "cold_rps", "cold_p99_ms", "warm_rps", "warm_p50_ms", "warm_p99_ms", "turns", "rss_mb_cold", "rss_mb_end", "errors"]
med = {b: {c: statistics.median(float(r[c]) for r in rows if r["bot"] == b) for c in cols} for b in bots}
base = med.get("echo")
if base and not base["cold_rps"] or base and not base["warm_rps"]:
    base = None  # the echo bot served nothing (a run too short or a machine too busy): no ratios

lines = [f"Machine: {machine}. {len(rows) // len(bots)} rounds, bots alternating; medians.", "",
         "| bot | ready (s) | cold turns/s | cold p99 (ms) | warm turns/s | warm p50 (ms) | warm p99 (ms) | turns | RSS cold (MB) | RSS end (MB) | errors |",
         "|---|---|---|---|---|---|---|---|---|---|---|"]
for b in bots:
    m = med[b]
    lines.append(f"| {b} | {m['ready_s']:.2f} | {m['cold_rps']:,.0f} | {m['cold_p99_ms']:,.0f} | {m['warm_rps']:,.0f} | {m['warm_p50_ms']:.1f} | "
                 f"{m['warm_p99_ms']:.1f} | {m['turns']:,.0f} | {m['rss_mb_cold']:.0f} | {m['rss_mb_end']:.0f} | {m['errors']:.0f} |")
if base:
    for b in bots:
        if b != "echo":
            lines.append(f"| **{b} / echo** | | {med[b]['cold_rps'] / base['cold_rps']:.1f}× | | **{med[b]['warm_rps'] / base['warm_rps']:.1f}×** | | | | | | |")
lines += ["", "Per round:", "", "| round | bot | cold turns/s | cold p99 | warm turns/s | warm p99 | RSS end |", "|---|---|---|---|---|---|---|"]
lines += [f"| {r['round']} | {r['bot']} | {float(r['cold_rps']):,.0f} | {float(r['cold_p99_ms']):,.0f} | {float(r['warm_rps']):,.0f} | {float(r['warm_p99_ms']):.1f} | {r['rss_mb_end']} |" for r in rows]

# The table of the performance issue (14): each goal against what this run measured.
def verdict(ok): return "met" if ok else "**not met**"
goals = ["", "Against the goals of issue 14:", "", "| what | measured | goal | |", "|---|---|---|---|"]
if flows_tsv:
    flows = {r["flow"]: r for r in csv.DictReader(open(flows_tsv), delimiter="\t")}
    for flow, want in [("issue TAP for <UPN> → form", 1), ("Issue pass click → entitlement ready", 2),
                       ("Show code click → code", 2), ("approve click → entitlement ready", 2)]:
        if flow in flows:
            f = flows[flow]
            goals.append(f"| {flow} | {f['graph_round_trips']} Graph round trips; p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms "
                         f"({f['runs']} runs, {f['errors']} errors) | {want} | {verdict(int(f['graph_round_trips']) <= want and f['errors'] == '0')} |")
t = med.get("tapbot")
if t and not base:
    goals.append("| `help` turns/s vs stock echo, warm | no ratio: the echo bot served no turns | ≥ 30× | not measured |")
if t and base:
    ratio = t["warm_rps"] / base["warm_rps"]
    goals.append(f"| `help` turns/s vs stock echo, warm | {t['warm_rps']:,.0f} vs {base['warm_rps']:,.0f} ({ratio:.1f}×); warm p99 {t['warm_p99_ms']:.1f} ms "
                 f"| ≥ 30×, p99 ≤ 50 ms | {verdict(ratio >= 30 and t['warm_p99_ms'] <= 50)} |")
if t:
    goals.append(f"| p99 in the first 10 s after ready | {t['cold_p99_ms']:,.0f} ms | ≤ 250 ms | {verdict(t['cold_p99_ms'] <= 250)} |")
    goals.append(f"| RSS after {t['turns']:,.0f} turns | {t['rss_mb_end']:.0f} MB ({t['rss_mb_cold']:.0f} MB after the cold phase) "
                 f"| ≤ 150 MB, flat | {verdict(t['rss_mb_end'] <= 150 and t['rss_mb_end'] - t['rss_mb_cold'] <= 15)} |")
lines += goals
open(f"{out}/results.md", "w").write("\n".join(lines) + "\n")
with open(f"{out}/medians.tsv", "w") as f:
    f.write("bot\tcold_rps\twarm_rps\tcold_p99_ms\twarm_p99_ms\n")
    for b in bots:
        f.write(f"{b}\t{med[b]['cold_rps']:.1f}\t{med[b]['warm_rps']:.1f}\t{med[b]['cold_p99_ms']:.1f}\t{med[b]['warm_p99_ms']:.1f}\n")
print("\n".join(lines))
