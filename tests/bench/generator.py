"""Seeded reports for the benchmark: a long 工作总结 with headings at four levels (一、 （一） 1. （1）),
about one placeholder per hundred characters, and tables, written as .docx and as .txt.

The sentences are assembled from small vocabularies written for this project, so the text reads
like a report without being anyone's report. The same seed and size always give the same files;
they are cached under build/bench/ by seed, size and GENERATOR_VERSION.
"""
from __future__ import annotations

import json
import os
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Bump when the output changes, so cached files are rebuilt.
GENERATOR_VERSION = 6
CHARS_PER_PAGE = 700
DEFAULT_SEED = 20240
ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "build" / "bench"

# --- vocabularies (our own words) -----------------------------------------------------------

UNITS_OF_WORK = ["办公室", "综合科", "业务科", "财务股", "督查室", "机关支部", "信息中心", "档案室"]
SUBJECTS = ["我们", "全体干部", "班子成员", "各科室", "机关党支部", "牵头部门", "责任单位", "工作专班"]
ACTIONS = ["扎实推进", "持续深化", "认真落实", "统筹抓好", "稳步开展", "着力加强", "全面梳理", "系统谋划",
           "深入推进", "切实抓好"]
OBJECTS = ["作风建设", "制度执行", "业务培训", "档案管理", "督办落实", "信息公开", "安全生产", "财务管理",
           "队伍建设", "服务保障", "数据治理", "风险排查", "民生实事", "政务服务"]
MANNERS = ["坚持问题导向", "注重实际效果", "强化过程管理", "压实工作责任", "突出重点环节", "加强统筹协调",
           "做到有序衔接", "形成长效机制"]
RESULTS = ["工作质效明显提升", "群众满意度稳步提高", "各项任务按期完成", "短板弱项得到补齐",
           "机制运行更加顺畅", "基础工作更加扎实", "整体面貌焕然一新"]
EVENTS = ["专题会议", "业务培训", "集中学习", "现场调研", "座谈交流", "督导检查", "案例研讨", "技能比武"]
TOPICS = ["年度重点任务", "基层治理", "营商环境", "乡村振兴", "应急管理", "公共服务", "节能降耗", "数字政务"]
HEADING_VERBS = ["聚焦", "围绕", "立足", "突出", "强化", "深化", "推进", "完善"]
HEADING_NOUNS = ["主责主业", "服务大局", "制度建设", "能力提升", "基层基础", "作风转变", "协同联动",
                 "规范管理", "责任落实", "创新发展"]
LEVEL1_TITLES = ["主要工作开展情况", "重点任务推进情况", "基础保障工作情况", "存在的主要问题",
                 "问题产生的原因", "下一步工作打算", "创新举措与经验", "队伍建设情况"]

# Placeholder sentences: (template, placeholders it holds, their kinds). "{x}" is filled from the
# vocabularies above; the placeholders themselves are spelt literally.
PLACEHOLDER_SENTENCES: list[tuple[str, list[str]]] = [
    ("全年共组织{event}X次", ["figure"]),
    ("累计参与人数达XX人次", ["figure"]),
    ("完成{topic}相关项目X项", ["figure"]),
    ("落实专项资金xx.xx万元", ["figure"]),
    ("办结各类事项XXX件", ["figure"]),
    ("较上年提高X个百分点", ["figure"]),
    ("覆盖辖区群众X万人", ["figure"]),
    ("于X月X日召开{event}", ["date"]),
    ("20XX年以来", ["year"]),
    ("由XX同志牵头负责", ["name"]),
    ("编印工作简报X期", ["figure"]),
    ("整改问题X条", ["figure"]),
]


@dataclass
class Stats:
    """What a generated report holds, as its generator intended it."""

    pages: int
    seed: int
    chars: int = 0
    blocks: int = 0
    paragraphs: int = 0
    tables: int = 0
    table_cells: int = 0
    headings: dict[str, int] = field(default_factory=lambda: {"1": 0, "2": 0, "3": 0, "4": 0})
    placeholders: int = 0
    placeholder_kinds: dict[str, int] = field(default_factory=dict)
    title: str = ""


@dataclass(frozen=True)
class Generated:
    docx: Path
    txt: Path
    stats: Stats


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals, as heading markers spell them (十一, 二十, 二十三)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


class _Writer:
    """Builds the report as a list of items: ("p", text, level) or ("table", rows)."""

    def __init__(self, pages: int, seed: int) -> None:
        self.rng = random.Random(seed)
        # Headings and whole sentences overshoot each section's share by about a tenth.
        self.budget = int(pages * CHARS_PER_PAGE / 1.1)
        self.stats = Stats(pages, seed)
        self.items: list[tuple] = []
        self._since_placeholder = 0
        # Gaps between placeholders vary around 100 characters.
        self._next_gap = self.rng.randint(60, 140)
        self._level2_count = 0

    # -- text ----------------------------------------------------------------------------------
    def _fill(self, template: str) -> str:
        rng = self.rng
        return template.format(event=rng.choice(EVENTS), topic=rng.choice(TOPICS))

    def _plain_clause(self) -> str:
        rng = self.rng
        shape = rng.randrange(4)
        if shape == 0:
            return f"{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}"
        if shape == 1:
            return f"{rng.choice(MANNERS)}，{rng.choice(ACTIONS)}{rng.choice(TOPICS)}工作"
        if shape == 2:
            return f"围绕{rng.choice(TOPICS)}，{rng.choice(UNITS_OF_WORK)}{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}"
        return rng.choice(RESULTS)

    def _clause(self) -> str:
        if self._since_placeholder >= self._next_gap:
            template, kinds = self.rng.choice(PLACEHOLDER_SENTENCES)
            clause = self._fill(template)
            for kind in kinds:
                self.stats.placeholders += 1
                self.stats.placeholder_kinds[kind] = self.stats.placeholder_kinds.get(kind, 0) + 1
            self._since_placeholder = 0
            self._next_gap = self.rng.randint(60, 140)
        else:
            clause = self._plain_clause()
        self._since_placeholder += len(clause) + 1
        return clause

    def _sentence(self) -> str:
        clauses = [self._clause() for _ in range(self.rng.randint(2, 3))]
        return "，".join(clauses) + "。"

    def _body(self, target: int) -> str:
        text = ""
        while len(text) < target:
            text += self._sentence()
        return text

    def _heading_phrase(self) -> str:
        return self.rng.choice(HEADING_VERBS) + self.rng.choice(HEADING_NOUNS)

    # -- structure -----------------------------------------------------------------------------
    def _paragraph(self, text: str, level: int = 0) -> None:
        self.items.append(("p", text, level))
        self.stats.chars += len(text)
        self.stats.paragraphs += 1
        if level:
            self.stats.headings[str(level)] += 1
        self._since_placeholder += len(text) if level else 0

    def _table(self) -> None:
        rng = self.rng
        rows = [["序号", "工作事项", "计划", "完成情况"]]
        for i in range(rng.randint(3, 6)):
            # Cells with a placeholder say a little more, so no two are the same short line (an
            # earlier junk rule took repeated short lines for a site's name and hid them).
            done = ["已完成", "推进中", "完成X项，进度正常", "完成率X%，好于预期"][rng.randrange(4)]
            if "X" in done:
                self.stats.placeholders += 1
                self.stats.placeholder_kinds["figure"] = self.stats.placeholder_kinds.get("figure", 0) + 1
            rows.append([str(i + 1), rng.choice(OBJECTS), f"{rng.randint(2, 30)}项", done])
        self.items.append(("table", rows))
        self.stats.tables += 1
        self.stats.table_cells += sum(len(r) for r in rows)
        self.stats.chars += sum(len(c) for r in rows for c in r)

    def _leaf(self, budget: int) -> None:
        """A level-4 section: （1） heading, then one to three paragraphs."""
        for _ in range(4):
            if budget <= 0:
                break
            text = self._body(max(60, min(budget, self.rng.randint(140, 260))))
            self._paragraph(text)
            budget -= len(text)

    def _section(self, level: int, number: int, budget: int) -> None:
        rng = self.rng
        phrase = self._heading_phrase()
        if level == 1:
            self._paragraph(f"{cn_number(number)}、{rng.choice(LEVEL1_TITLES)}", 1)
        elif level == 2:
            self._paragraph(f"（{cn_number(number)}）{phrase}，{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}", 2)
        elif level == 3:
            if rng.random() < 0.4:  # a run-in heading: the first sentence is the title
                body = self._body(rng.randint(80, 160))
                self._paragraph(f"{number}.{phrase}。{body}", 3)
                budget -= len(body)
            else:
                self._paragraph(f"{number}.{phrase}，{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}", 3)
        else:
            self._paragraph(f"（{number}）{rng.choice(OBJECTS)}方面，{rng.choice(MANNERS)}", 4)
            self._leaf(budget)
            return
        # A typical child is about this big, so long reports get more children, capped so that
        # markers stay in the range the outline recognises (至多 九十九).
        child_size = {1: 3200, 2: 1000, 3: 450}[level]
        children = max(1, min(20, round(budget / child_size)))
        if rng.random() < 0.5 and level > 1:
            intro = self._body(rng.randint(60, 140))
            self._paragraph(intro)
            budget -= len(intro)
        if level == 2:
            self._level2_count += 1
            if self._level2_count % 3 == 1:
                self._table()
        for i in range(children):
            self._section(level + 1, i + 1, budget // children)

    def build(self) -> None:
        rng = self.rng
        self.stats.title = f"{rng.choice(UNITS_OF_WORK)}20XX年度工作总结"
        # The title's 20XX is a placeholder too.
        self.stats.placeholders += 1
        self.stats.placeholder_kinds["year"] = self.stats.placeholder_kinds.get("year", 0) + 1
        self._paragraph(self.stats.title)
        self._paragraph(self._body(rng.randint(120, 200)))
        top = max(3, min(60, round(self.budget / 18000)))
        remaining = self.budget - self.stats.chars
        for i in range(top):
            self._section(1, i + 1, remaining // top)
        self.stats.blocks = self.stats.paragraphs + self.stats.table_cells


def _write_docx(items: list[tuple], path: Path) -> None:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "仿宋_GB2312"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    heading_fonts = {1: "黑体", 2: "楷体_GB2312"}
    for item in items:
        if item[0] == "table":
            rows = item[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            continue
        _, text, level = item
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if level:
            run.bold = level in (1, 3)
            font = heading_fonts.get(level)
            if font:
                run.font.name = font
                run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        else:
            paragraph.paragraph_format.first_line_indent = Pt(32)
    _atomic_save(path, document.save)


def _txt_lines(items: list[tuple]) -> list[str]:
    lines = []
    for item in items:
        if item[0] == "table":
            lines.extend("\t".join(row) for row in item[1])
        else:
            lines.append(item[1])
    return lines


def _atomic_save(path: Path, save) -> None:  # noqa: ANN001 - a callable taking a path
    tmp = path.with_name(path.name + ".tmp")
    save(str(tmp))
    os.replace(tmp, path)


def paths_for(pages: int, seed: int = DEFAULT_SEED, directory: Path = BENCH_DIR) -> tuple[Path, Path, Path]:
    stem = f"report-{pages}p-s{seed}-v{GENERATOR_VERSION}"
    return directory / f"{stem}.docx", directory / f"{stem}.txt", directory / f"{stem}.json"


def generate(pages: int, seed: int = DEFAULT_SEED, directory: Path = BENCH_DIR) -> Generated:
    """The report of ``pages`` pages for ``seed``, generated once and then read from the cache."""
    docx_path, txt_path, stats_path = paths_for(pages, seed, directory)
    if docx_path.exists() and txt_path.exists() and stats_path.exists():
        return Generated(docx_path, txt_path, Stats(**json.loads(stats_path.read_text("utf-8"))))
    directory.mkdir(parents=True, exist_ok=True)
    writer = _Writer(pages, seed)
    writer.build()
    _write_docx(writer.items, docx_path)
    _atomic_save(txt_path, lambda p: Path(p).write_text("\n".join(_txt_lines(writer.items)) + "\n", "utf-8"))
    _atomic_save(stats_path, lambda p: Path(p).write_text(json.dumps(asdict(writer.stats), ensure_ascii=False), "utf-8"))
    return Generated(docx_path, txt_path, writer.stats)
