"""Deterministic generator of realistic articles for scale tests.

    python benchmarks/make_corpus.py N OUT [--seed S]

OUT ending in ``.jsonl`` gets one JSON object per line (fast to ingest at
scale); any other OUT is a folder of ``.txt`` files. The sentences vary the
seed corpus: amounts in dollars and yen (English and Chinese numerals),
percentages, counts with nouns, dates, organisations and people, so every
extractor and the matcher get realistic work, including agreeing and
conflicting figures across articles.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path

ORGS = ["SoftBank", "NEC", "Sony Group", "Honda", "Preferred Networks", "NEDO", "Mizuho Bank", "MUFG Bank",
        "Nippon Steel", "Kobe Steel", "Fujitsu", "Rakuten", "Toyota", "Hitachi", "Panasonic", "FANUC"]
ORGS_ZH = ["软银", "索尼", "本田", "富士通", "乐天", "丰田", "日立", "松下"]
PEOPLE = ["Ryosei Akazawa", "Masayoshi Son", "Kenichiro Yoshida", "Toshihiro Mibe", "Takayuki Morita"]
VENTURES = ["Noetra", "Sakura AI Nexus", "Kumo Robotics", "Yamato Foundation Models"]
NOUNS = ["robots", "sectors", "companies", "development themes", "factories", "engineers", "data centers"]
NOUNS_ZH = [("台", "机器人"), ("个", "工业领域"), ("家", "公司"), ("座", "数据中心")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
QUALIFIERS = ["", "approximately ", "up to ", "over ", "around ", "more than ", "roughly "]
ZH_DIGITS = "零一二三四五六七八九"


def _zh_small(n: int) -> str:
    """1..9999 in Chinese numerals (一千, 三百五十)."""
    units = ["", "十", "百", "千"]
    digits = [int(d) for d in str(n)]
    out, zero = "", False
    for i, d in enumerate(digits):
        place = len(digits) - 1 - i
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if (d == 1 and place == 1 and not out) else ZH_DIGITS[d]) + units[place]
    return out or "零"


class Writer:
    """Sentence templates filled from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def money_en(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            amount = r.choice([1, 2, 3, 5, 10, 15, 370])
            return f"{self.pick(QUALIFIERS)}¥{amount} trillion"
        whole, tenth = r.randint(1, 9), r.randint(0, 9)
        unit = r.choice(["billion", "million", "B"])
        sep = "" if unit == "B" else " "
        return f"{self.pick(QUALIFIERS)}${whole}.{tenth}{sep}{unit}"

    def sentence_en(self) -> str:
        r = self.rng
        org, other = r.sample(ORGS, 2)
        templates = [
            lambda: f"{org} and {other} have formed a new company to build {self.pick(['large-scale', 'physical', 'sovereign'])} AI.",
            lambda: f"The government will provide {self.money_en()} in funding over {r.choice(['three', 'five', 'seven'])} years.",
            lambda: f"{org}, {other} and {self.pick(ORGS)} each hold {self.pick(['over ', 'about ', ''])}{r.randint(5, 40)}% stakes in {self.pick(VENTURES)}.",
            lambda: f"The plan aims to put {r.randint(1, 20)} million AI-equipped {self.pick(NOUNS)} into operation by {r.randint(2027, 2045)}.",
            lambda: f"The new firm was established on {self.pick(MONTHS)} {r.randint(1, 28)}, and {org} took the president's post.",
            lambda: f"In {self.pick(MONTHS)} {r.randint(2019, 2026)}, {org} said it had selected {r.randint(5, 60)} {self.pick(NOUNS)} for support.",
            lambda: f"Industry Minister {self.pick(PEOPLE)} said the strategy covers {r.randint(5, 30)} fields.",
            lambda: f"More than {r.randint(10, 45)}% of the population is now aged 65 or older, and the workforce has shrunk since {r.randint(1985, 2005)}.",
            lambda: f"The venture, officially named '{self.pick(VENTURES)}', is backed by {org} and {other}.",
            lambda: f"{org} is investing {self.money_en()} in a {r.randint(5, 20)}-year growth strategy starting in fiscal year {r.randint(2024, 2030)}.",
            lambda: f"Analysts expect a {r.randint(5, 40)}% reduction in costs by {r.randint(2027, 2035)}, according to {other}.",
            lambda: f"The consortium expects to grow to {r.randint(10, 80)} participating companies across {r.randint(3, 20)} sectors.",
        ]
        return r.choice(templates)()

    def sentence_zh(self) -> str:
        r = self.rng
        org = self.pick(ORGS_ZH)
        measure, noun = r.choice(NOUNS_ZH)
        templates = [
            lambda: f"政府计划在未来五年内投资{self.pick(['最高', '约', ''])}{r.randint(1, 9)}万亿日元(约{r.randint(10, 99)}亿美元)。",
            lambda: f"目标是在{r.randint(2030, 2045)}年前为{r.randint(5, 30)}个工业领域的{r.randint(1, 9) * 100}万{measure}{noun}提供支持。",
            lambda: f"该项目由{org}等行业巨头组成的“{self.pick(VENTURES)}”联盟牵头。",
            lambda: f"日本以国产AI模型和{_zh_small(r.choice([1000, 500, 300]))}万台机器人推进其{r.randint(1, 5)}.{r.randint(1, 9)}万亿美元计划。",
            lambda: f"{org}持有超过{r.randint(5, 30)}%的股份。",
        ]
        return r.choice(templates)()

    def article(self, number: int) -> dict[str, str]:
        r = self.rng
        language = r.choices(["en", "zh", "mixed"], weights=[7, 1, 2])[0]
        paragraphs = []
        for _ in range(r.randint(3, 7)):
            if language == "en" or (language == "mixed" and r.random() < 0.6):
                paragraphs.append(" ".join(self.sentence_en() for _ in range(r.randint(2, 5))))
            else:
                paragraphs.append("".join(self.sentence_zh() for _ in range(r.randint(2, 4))))
        org = self.pick(ORGS)
        title = f"{org} joins {self.pick(VENTURES)} in {self.money_en()} physical AI push (#{number})"
        return {
            "title": title,
            "source": f"synthetic-{number:07d}.txt",
            "url": f"https://news.example/{number:07d}",
            "text": title + "\n\n" + "\n\n".join(paragraphs) + "\n",
        }


def generate(n: int, seed: int = 1) -> Iterator[dict[str, str]]:
    """``n`` articles, the same ones for the same seed."""
    writer = Writer(random.Random(seed))
    for number in range(n):
        yield writer.article(number)


def write_corpus(n: int, out: Path, seed: int = 1) -> Path:
    if out.suffix == ".jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for article in generate(n, seed):
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for article in generate(n, seed):
            (out / article["source"]).write_text(article["text"], encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="a .jsonl file or a folder of .txt files")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
