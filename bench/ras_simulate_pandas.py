#!/usr/bin/env python3
"""The computation of `allot ras simulate`, written in pandas, for comparison.

    python3 bench/ras_simulate_pandas.py RULEBOOK POPULATION_CSV > report.json

Reads the population CSV, scores every person with the rulebook (points method
with adjustment factors, exact to the penny with the same rounding, half away
from zero), and totals people, indicative and current cost, gainers, within the
range, losers and protection needed, by client group and overall. Prints the
same JSON as `allot ras simulate --json`, so bench/ras_simulate.sh checks that
the two agree before it compares their times. Debian's python3-pandas.
"""
import json
import sys
from fractions import Fraction

import numpy as np
import pandas as pd


def round_half_away(numerator, denominator):
    """Integer numerator/denominator rounded half away from zero (both arrays of Python ints or int64)."""
    sign = np.sign(numerator)
    magnitude = np.abs(numerator)
    quotient, remainder = np.divmod(magnitude, denominator)
    return sign * (quotient + (2 * remainder >= denominator))


def main():
    rulebook_path, population_path = sys.argv[1], sys.argv[2]
    with open(rulebook_path, encoding="utf-8") as handle:
        rulebook = json.load(handle)
    if rulebook["allocation"]["method"] != "points":
        sys.exit("this comparison covers the points method only")
    questions = rulebook["questions"]
    table = pd.read_csv(population_path, dtype=str, keep_default_na=False)
    current = table["current_annual_pence"].astype(np.int64)

    points = np.zeros(len(table), dtype=np.int64)
    for question in questions:
        by_answer = {answer["id"]: answer["points"] for answer in question["answers"]}
        column = table[question["id"]] if question["id"] in table else pd.Series([""] * len(table))
        if "default" in question:
            column = column.replace("", question["default"])
        points += column.map(by_answer).astype(np.int64).to_numpy()

    # Adjustment factors over one common denominator, as the engine does.
    numerator = points * rulebook["allocation"]["pence_per_point"]
    denominator = 1
    for adjustment in rulebook.get("adjustments", []):
        factors = {answer: Fraction(str(value)) for answer, value in adjustment["factors"].items()}
        common = 1
        for factor in factors.values():
            common = common * factor.denominator // np.gcd(common, factor.denominator)
        by_answer = {answer: int(factor * common) for answer, factor in factors.items()}
        question = next(q for q in questions if q["id"] == adjustment["question"])
        column = table[question["id"]]
        if "default" in question:
            column = column.replace("", question["default"])
        numerator = numerator * column.map(by_answer).astype(np.int64).to_numpy()
        denominator *= common
    annual = round_half_away(numerator, denominator)
    range_percent = rulebook["range_percent"]
    lower = round_half_away(annual * (100 - range_percent), 100)
    upper = round_half_away(annual * (100 + range_percent), 100)

    frame = pd.DataFrame({
        "client_group": table["client_group"],
        "indicative": annual,
        "current": current,
        "above": current < lower,
        "below": current > upper,
        "protection": np.maximum(current - annual, 0),
    })
    frame["within"] = ~(frame["above"] | frame["below"])

    def totals(name, part):
        indicative = int(part["indicative"].sum())
        current_total = int(part["current"].sum())
        return {
            "client_group": name,
            "people": int(len(part)),
            "total_indicative_pence": indicative,
            "total_current_pence": current_total,
            "difference_pence": indicative - current_total,
            "above_range": int(part["above"].sum()),
            "within_range": int(part["within"].sum()),
            "below_range": int(part["below"].sum()),
            "protection_needed_pence": int(part["protection"].sum()),
        }

    groups = [totals(name, part) for name, part in frame.groupby("client_group", sort=False)]
    report = {
        "rulebook_id": rulebook["id"],
        "rulebook_version": rulebook["version"],
        "overall": totals("all", frame),
        "groups": groups,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
