#!/usr/bin/env python3
"""Scores `crossread analyze --json` against the hand-made gold of tests/fixtures/stories.

Prints precision/recall per category and the misses, so a rule can be checked on
stories it was not written for. Usage: scripts/eval_stories.py [BINARY] [STORY_DIR...]
"""
import json, subprocess, sys, os, collections

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/crossread"
ROOT = "tests/fixtures/stories"
stories = sys.argv[2:] or sorted(d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d)))

def occurrences(text, sub):
    out, i = [], text.find(sub)
    while i >= 0:
        out.append((i, i + len(sub)))
        i = text.find(sub, i + 1)
    return out

tot = collections.Counter()
for st in stories:
    d = os.path.join(ROOT, st)
    gold = json.load(open(os.path.join(d, "gold.json")))
    files = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    out = json.loads(subprocess.run([BIN, "analyze", "--json"] + [os.path.join(d, f) for f in files], capture_output=True, text=True).stdout)
    docs = {doc["id"]: open(os.path.join(d, doc["id"] + ".txt"), encoding="utf-8").read() for doc in out["documents"]}
    def charspan(doc, s, e):
        b = docs[doc].encode()
        return len(b[:s].decode()), len(b[:e].decode())
    print(f"== {st}")
    # People: mentions as (doc, start, end, text)
    sys_p = {}
    for e in out["entities"]:
        if e["kind"] != "person":
            continue
        for m in e["mentions"]:
            doc = m["doc"]
            s, t = charspan(doc, m["start"], m["end"])
            sys_p[(doc, s, t)] = e["id"]
    gold_p = {}
    # Place longer mentions first; a shorter one takes the first occurrence not
    # inside a placed one ("Wróblewski" is not the tail of "Łukasz Wróblewski").
    allm = [(p["name"], m) for p in gold["people"] for m in p["mentions"]]
    allm.sort(key=lambda x: -len(x[1]["text"]))
    for name, m in allm:
        doc = m["doc"].replace(".txt", "")
        occ = [o for o in occurrences(docs[doc], m["text"])
               if not any(k[0] == doc and k[1] < o[1] and o[0] < k[2] for k in gold_p)]
        if not occ:
            print("   gold text not found", m); continue
        gold_p[(doc,) + occ[0]] = name
    tp = [k for k in gold_p if k in sys_p]
    fn = [k for k in gold_p if k not in sys_p]
    fp = [k for k in sys_p if k not in gold_p]
    tot["p_tp"] += len(tp); tot["p_fn"] += len(fn); tot["p_fp"] += len(fp)
    for k in fn: print("   MISS person", k[0], repr(docs[k[0]][k[1]:k[2]]))
    for k in fp: print("   FALSE person", k[0], repr(docs[k[0]][k[1]:k[2]]), sys_p[k])
    # cluster purity
    by_gold = collections.defaultdict(set); by_sys = collections.defaultdict(set)
    for k in tp:
        by_gold[gold_p[k]].add(sys_p[k]); by_sys[sys_p[k]].add(gold_p[k])
    for g, ss in by_gold.items():
        if len(ss) > 1: print("   SPLIT", g, ss); tot["split"] += 1
    for s_, gg in by_sys.items():
        if len(gg) > 1: print("   MERGED", s_, gg); tot["merged"] += 1
    tot["people"] += len(by_gold)
    # Figures
    figs = collections.defaultdict(list)
    for f in out["figures"]:
        s, t = charspan(f["doc"], f["start"], f["end"])
        figs[f["doc"]].append((s, t, f))
    def find_fig(doc, text, pred):
        for (gs, ge) in occurrences(docs[doc], text):
            for (s, t, f) in figs[doc]:
                if s < ge and gs < t and pred(f):
                    return f
        return None
    for cat, key, pred in [
        ("money", "money", lambda g: lambda f: f["kind"] == "money" and f["unit"] == g["currency"] and abs((f["value"] or 0) - g["value"]) < 1e-6 * max(1, g["value"])),
        ("counts", "counts", lambda g: lambda f: f["kind"] in ("count", "duration") and f["value"] == g["value"] and f["qualifier"] == g["qualifier"]),
        ("percents", "percents", lambda g: lambda f: f["kind"] == "percent" and abs(f["value"] - g["value"]) < 1e-9),
        ("dates", "dates", lambda g: lambda f: f["kind"] == "date" and f.get("date") == g["date"]),
    ]:
        for g in gold.get(key, []):
            doc = g["doc"].replace(".txt", "")
            tot[cat + "_n"] += 1
            if find_fig(doc, g["text"], pred(g)):
                tot[cat + "_ok"] += 1
            else:
                near = find_fig(doc, g["text"], lambda f: True)
                print(f"   MISS {cat}", doc, repr(g["text"]), "got", near and (near["kind"], near["value"], near["unit"], near["qualifier"], near.get("date"), near["text"]))
    # discrepancies (if any)
    kinds = collections.Counter(x["kind"] for x in out.get("discrepancies", []))
    gk = collections.Counter(x["kind"] for x in gold.get("discrepancies", []))
    print("   discrepancies sys", dict(kinds), "gold", dict(gk))

p = tot["p_tp"] / max(1, tot["p_tp"] + tot["p_fp"]); r = tot["p_tp"] / max(1, tot["p_tp"] + tot["p_fn"])
print(f"\nPEOPLE precision {p:.3f} recall {r:.3f}  people {tot['people']} split {tot['split']} merged {tot['merged']}")
for cat in ["money", "counts", "percents", "dates"]:
    print(f"{cat.upper()} recall {tot[cat+'_ok']}/{tot[cat+'_n']} = {tot[cat+'_ok']/max(1,tot[cat+'_n']):.3f}")
