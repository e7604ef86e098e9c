#!/usr/bin/env python3
"""Writes the bundled sample: 3,000 customers of a made-up retailer (deterministic).

Columns: revenue, cost, orders, average spend, lifetime, revenue and cost per year,
satisfaction indicators (1-5), loyalty indicators and yes/no style answers, a region in Chinese.
Run: python3 make_sample.py  (writes customers.csv beside this file)
"""
import csv
import math
import os
import random

rng = random.Random(20261122)
REGIONS = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京"]
CHANNELS = ["Online", "Store", "Partner"]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "customers.csv")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["customer_id", "region", "channel", "revenue", "cost", "orders", "average_spend",
                    "lifetime_years", "revenue_2022", "revenue_2023", "revenue_2024",
                    "cost_2022", "cost_2023", "cost_2024", "q_product", "q_service", "q_delivery",
                    "purchases_12m", "feedback_score", "referrals", "need_met", "inquiry_result",
                    "feedback_result"])
        for i in range(1, 3001):
            orders = max(1, int(rng.lognormvariate(1.6, 0.8)))
            avg = round(rng.lognormvariate(4.2, 0.6), 2)
            revenue = round(orders * avg, 2)
            margin = rng.uniform(0.45, 0.85)
            cost = round(revenue * margin + rng.uniform(5, 40), 2)
            lifetime = round(rng.uniform(0.5, 8.0), 1)
            shares = [rng.random() + 0.2 for _ in range(3)]
            total = sum(shares)
            rev_years = [round(revenue * s / total, 2) for s in shares]
            cost_years = [round(cost * s / total, 2) for s in shares]
            base = rng.gauss(3.6, 0.7)
            q = [min(5, max(1, round(base + rng.gauss(0, 0.6)))) for _ in range(3)]
            purchases = max(0, int(orders * rng.uniform(0.2, 0.6)))
            feedback = round(min(10, max(0, base * 2 + rng.gauss(0, 1.2))), 1)
            referrals = int(rng.expovariate(1.2))
            need = "satisfied" if rng.random() < 0.35 + 0.12 * (base - 2) else "unsatisfied"
            inquiry = "satisfied" if rng.random() < 0.72 else "unsatisfied"
            fb = "satisfied" if feedback >= 6.5 else "unsatisfied"
            w.writerow([f"C{i:05d}", rng.choice(REGIONS), rng.choice(CHANNELS), revenue, cost, orders, avg,
                        lifetime, *rev_years, *cost_years, *q, purchases, feedback, referrals,
                        need, inquiry, fb])


if __name__ == "__main__":
    main()
