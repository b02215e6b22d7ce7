"""Paragraphs that are about the page, not the story: no date or figure in them is a claim.

News pages carry text beside the story that trafilatura keeps as paragraphs, and each kind has its own shape:

- photo captions (``curator.captions``): a line that ends with its picture credit (``... in 2006. Credit: Jane Doe/AFP``,
  ``...in 2014.CreditJane Doe/The New York Times``, ``... in 1989. (AP)``, ``(John Doe / AP)``,
  ``REUTERS/Jane Doe``, ``（新华社记者 张三 摄）``, ``资料图``) or starts with a picture label (``FILE PHOTO:``,
  ``File photo taken on ...``, ``In this photo ...``, ``图为``, ``图：``);
- author bios: a paragraph that opens with a person's name and is about their work as a journalist
  (``Jane Doe has covered science since 2012``, ``Dan Goodin / Dan is the Security Editor at Ars Technica, which he
  joined in 2012``, ``He joined The Times in 2007 as a feature writer``), or with ``作者系``, ``作者简介``;
- rights lines (``© 2024 ...``, ``Copyright 2019 The Associated Press``, ``版权所有``);
- time stamps (``Updated 10:35 AM ET, March 16, 2015``, ``Published: ...``, ``发布时间：``);
- related-link lists (``Related: ...``, ``Read more: ...``, ``相关阅读``, ``延伸阅读``, a headline with its date
  stamp glued on: ``【中国股市】沪指跌3.5%至三个月新低2015/07/02``);
- site footers (``湘ICP备14002927号``) and the signature line of an embedded tweet
  (``— The Senate (@Senate) October 9, 2018``).

The rule reads whole paragraphs (the text between line breaks), since a caption's credit or a bio's name is
in one sentence of it and makes every sentence of it furniture. The shapes follow the caption, credit and
bio style of the wire agencies and papers (AP, Reuters, AFP, The New York Times, Xinhua).
"""

from __future__ import annotations

import re

from curator.captions import is_caption

_BIO_OPENING = re.compile(
    r"^\s*(?:[A-Z][\w.'’-]*\s){2,4}(?:/\s*[A-Z][\w'’-]*\s)?(?:is|was|has|had|covers|writes|reports|joined|previously)\b"
)
"""A paragraph that opens with a person's name (``Nelson D. Schwartz has``, ``Dan Goodin / Dan is``) and a verb."""
_JOURNALISM = re.compile(
    r"\b(?i:(?:has|have)\s+(?:covered|reported|written)|covers|reporter|correspondent|editor|writer|columnist"
    r"|journalist|contributor|photographer|bureau\s+chief|newsroom)\b|(?:^|\s)@\w{2,}\s*$|\bFollow\s+(?:him|her|them)\b"
)
"""What a bio is about: the author's reporting (``has covered``, ``reporter``, ``Security Editor``, a handle)."""
_ZH_BIO = re.compile(r"^\s*[（(]?\s*(?:作者(?:系|为|是|简介)|责任编辑|编辑[:：]|来源[:：])")
_SITE_FOOTER = re.compile(r"ICP备|ICP证|公网安备|公安网备|京公网|(?i:\bICP\s*(?:license|No\.?))")
"""A Chinese site's footer: its ICP licence and public-security filing numbers, address and telephone lines."""
_LISTED_HEADLINE = re.compile(
    r"^(?:【[^】]{1,12}】.{2,80}?\s?|.{4,80}?(?<=[^\d\s:：,，]))(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
"""A headline in a list of related stories, its date stamp glued to it (``【中国股市】沪指跌3.5%至三个月新低2015/07/02``)."""
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*[^\n]{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$")
"""The signature line under an embedded tweet (``— The Senate (@Senate) October 9, 2018``): when it was posted."""
_RIGHTS = re.compile(r"(?:^|[\s(（|])©\s*(?:(?:19|20)\d{2}|[A-Z\u4e00-\u9fff])|^\W*(?:\(c\)|(?i:copyright)\s*(?:\(c\)\s*)?(?:19|20)\d\d)|(?i:all\s+rights\s+reserved)|版权所有")
_STAMP = re.compile(
    r"^\W*(?i:(?:date\s+)?(?:created|published|updated|posted|modified|last\s+(?:updated|modified))|first\s+published)"
    r"(?=\s*(?::|(?i:on|at)\b|\d|(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
    r"|^\W*(?:发布|更新|发表)(?:时间|日期)\s*[:：]|^\s*(?:时间|日期)\s*[:：]"
)
_RELATED = re.compile(
    r"^\s*(?i:related(?:\s+(?:articles?|stories|coverage|content|links?))?|read\s+more|see\s+also|more\s+from\b[^:]*"
    r"|more|also\s+read|recommended|watch|listen)\s*[:：]"
    r"|^\s*[【\[]?(?:相关阅读|相关新闻|相关报道|延伸阅读|推荐阅读|扩展阅读)"
)


RIGHTS_LENGTH = 160
"""A rights line is short; a longer paragraph with ``©`` in it is a credit glued to the story's first paragraph
(``© Provided by Business Insider Inc Nintendo and Apple shocked the world ...``), which keeps its claims."""
BIO_PLACES = 3
"""A bio stands among the first or the last this many paragraphs of a page (under the byline or after the story)."""


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text`` that is page furniture (a caption, an author bio, a rights
    line, a time stamp, a related link), in text order; paragraphs are the non-empty text between line breaks."""
    paragraphs: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append((start, start + len(line)))
        start += len(line) + 1
    edge = set(paragraphs[:BIO_PLACES] + paragraphs[-BIO_PLACES:])
    return [(a, b) for a, b in paragraphs if is_furniture(text[a:b], (a, b) in edge)]


def is_furniture(paragraph: str, may_be_bio: bool = True) -> bool:
    """Whether one paragraph is a caption, a rights line, a time stamp, a related link or (``may_be_bio``: it
    stands where bios stand) an author bio."""
    line = paragraph.strip()
    return bool(
        is_caption(line) or _STAMP.match(line)
        or (len(line) <= RIGHTS_LENGTH and _RIGHTS.search(line))
        or _RELATED.match(line) or _ZH_BIO.match(line) or _SITE_FOOTER.search(line) or _TWEET_SIGNATURE.match(line)
        or _LISTED_HEADLINE.match(line)
        or (may_be_bio and _BIO_OPENING.match(line) and _JOURNALISM.search(line))
    )
