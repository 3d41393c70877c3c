"""The national work reports held out of every bench sample: never drawn, never scored.

The fresh held-out sets of the coordinator hold parts of the 1957, 1980, 1984, 1986 and 1987
government work reports (``government_work_reports.jsonl``), so every bench script that
draws or scores national-report paragraphs asks here, by the report's title (``kg build``
reads its year as the title's first four characters), and keeps none of them. The ninth
set holds part of a State Council regulation of the law corpus: :data:`HOLDOUT_LAWS`
names its file, which no script that derives data from the corpus reads.

>>> held_out_report("1986年国务院政府工作报告"), held_out_report("1988年国务院政府工作报告")
(True, False)
>>> held_out_report(None)
False
>>> held_out_law("汶川地震灾后恢复重建条例(2008-06-08).md"), held_out_law("中医药法(2016-12-25).md")
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable

#: the years of the national reports a fresh held-out set holds (the whole report)
HOLDOUT_REPORT_YEARS = ("1957", "1980", "1984", "1986", "1987")
#: the law-corpus files a fresh held-out set holds part of (file names less the date)
HOLDOUT_LAWS = ("汶川地震灾后恢复重建条例",)


def held_out_report(title: str | None) -> bool:
    """Whether the report titled ``title`` is held out (its year opens the title)."""
    return str(title or "")[:4] in HOLDOUT_REPORT_YEARS


def held_out_law(filename: str) -> bool:
    """Whether the law-corpus file ``filename`` is held out (its name before the date)."""
    return str(filename).split("(")[0] in HOLDOUT_LAWS


def held_out_ids(docs: Iterable) -> set[str]:
    """The ids of the held-out reports among ``docs`` (kg ``Document``s)."""
    return {d.id for d in docs if held_out_report(d.meta.get("title"))}
