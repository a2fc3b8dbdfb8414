#!/usr/bin/env python3
"""Prints gap to BKS per solver variant and instance from an optaplanner-benchmark result (plannerBenchmarkResult.xml)."""
import csv, re, sys, os
result = sys.argv[1]
shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '../../../shared/benchmarks')
bks = {}
for f in ['solomon/bks-distance.csv', 'homberger/bks.csv', 'cvrplib-x/bks.csv']:
    p = os.path.join(shared, f)
    if os.path.exists(p):
        for row in csv.DictReader(open(p)):
            bks.setdefault(row['instance'].lower(), float(row['cost']))
s = open(result).read()
names = None
for sb in re.findall(r"<solverBenchmarkResult>(.*?)</solverBenchmarkResult>", s, re.S):
    name = re.search(r"<name>(.*?)</name>", sb).group(1)
    scores = re.findall(r"<score[^>]*>(.*?)</score>", sb)
    problems = re.findall(r"<unifiedProblemBenchmarkResult>\s*<name>(.*?)</name>", s)
    gaps = []
    cells = []
    for problem, score in zip(problems, scores):
        hard, medium, soft = [int(x[:-len(t)]) for x, t in zip(score.split('/'), ['hard', 'medium', 'soft'])]
        scale = 1 if problem.lower().startswith('x-') else 10000
        cost = -soft / scale
        b = bks.get(problem.lower())
        gap = (cost - b) / b * 100 if b else float('nan')
        gaps.append(gap)
        cells.append(f"{problem}:{gap:.2f}%{'' if hard == 0 and medium == 0 else '(INFEASIBLE)'}")
    print(f"{name:24s} mean {sum(gaps)/len(gaps):6.2f}%  " + "  ".join(cells))
