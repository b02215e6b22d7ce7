"""Page furniture that is never an article's title or outlet: picture credits, captions, slide counters, kickers.

A page without ``<title>`` or ``og:title`` leaves the title to the reader's guess (trafilatura's, the first
``<h1>``, the first line), and a caption's ``Source: Supplied`` reads like a source line. The kinds follow
news page layout: credit lines under photos (``Getty Images``, ``AFP/Getty``, ``资料图``, ``受访者供图``),
gallery counters (``1 / 5``), kickers (``EXCLUSIVE``), rights lines (``© Provided by ...``), share buttons.
"""

from __future__ import annotations

import re

from curator.captions import is_caption

_CREDIT_WORD = (
    r"supplied|handout|pool|file|file\s+(?:photo|picture|image)|stock|screen\s*(?:shot|grab)|courtesy\b.*|"
    r"getty(?:\s+images)?|shutterstock|istock(?:photo)?|alamy|news\s*pix|aap\s+image|"
    r"(?:photo|picture|image|video)s?(?:\s+credit)?|资料图片?|供图|.{1,12}供图|视觉中国|图虫创意|网络图片|东方IC"
)
_CREDIT = re.compile(
    rf"(?:(?:photo|picture|image|图片?)\s*(?:credit|来源)?\s*[:：]\s*)?"
    rf"(?:[\w.&' -]{{1,30}}\s*(?:/|via|for)\s*)?(?:{_CREDIT_WORD})(?:\s*(?:/|via|for)\s*[\w.&' -]{{1,30}})?[.。]?"
    r"|(?-i:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}\s*/\s*[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})",
    re.IGNORECASE,
)
"""A picture credit, never an outlet: ``Supplied``, ``Getty Images``, ``AFP/Getty``, ``file photo``, ``handout``,
``Photo: Reuters/Pool``, ``资料图``, ``受访者供图`` (the credit words of news captions), and any
``Photographer/Agency`` pair of capitalised names (``Benoit Tessier/Reuters``; not ``Trump/Russia probe widens``)."""
_SLIDE = re.compile(
    r"\(?\d{1,3}\s*(?:/|of|／)\s*\d{1,3}\)?|(?:photo|picture|image|video|gallery|slideshow|图片?|视频)s?", re.IGNORECASE
)
"""A slide counter or a bare media label (``1 / 5``, ``(3 of 12)``, ``Photo``, ``视频``)."""
_BUTTON = re.compile(
    r"(?:分享到|转播到|转发到|分享|收藏|打印|share(?: this| on)?|tweet|e-?mail|print|save)\S{0,10}", re.IGNORECASE
)
"""A share, print or save button's label (``转播到腾讯微博``, ``Share on``)."""
_CAPTION_CREDIT = re.compile(
    r"(?:(?:source|picture|photo|image|credit|pic|图片?来源|图片?|摄影)\s*[:：]\s*(?P<labelled>[^:：]{1,40})"
    r"|[(（](?P<bracketed>[^()（）]{1,40})[)）])[.。]?$",
    re.IGNORECASE,
)
"""A photo caption's closing credit (``... for two years. Source: Supplied``, ``... on Tuesday. (AFP/Getty Images)``)."""
_CAPTION_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\.?$"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d{2}\.?$",
    re.IGNORECASE,
)
_KICKER = re.compile(r"[A-Za-z][A-Za-z'’-]*[:!.]?")
"""One Latin word alone (``EXCLUSIVE``, ``Breaking:``): a kicker over the headline, not the headline."""
_RIGHTS = re.compile(r"©|\(c\)\s|copyright|all rights reserved|版权所有|provided by", re.IGNORECASE)
_ZH_DATELINE = re.compile(r".{0,20}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|電|讯|訊|报道|報道|消息)[\s:：]*")
"""A Chinese dateline alone on its line (``TNW中文站 10月14日报道``, ``新华社北京6月21日电``): never a title."""


def is_credit(name: str) -> bool:
    """Whether ``name`` is a picture credit (``Supplied``, ``Getty Images``, ``AFP/Getty``, ``资料图``), not an outlet."""
    return bool(_CREDIT.fullmatch(" ".join(name.split())))


def is_title(line: str) -> bool:
    """Whether ``line`` can be a headline: not a photo label or slide counter (``Photo``, ``1 / 5``), a rights line
    (``© Provided by Business Insider Inc``), a photo caption ending in its credit (``... Source: Supplied``), a
    share button (``转播到腾讯微博``), a picture credit, a one-word kicker (``EXCLUSIVE``) or a Chinese dateline
    alone (``TNW中文站 10月14日报道``)."""
    line = " ".join(line.split())
    return bool(line) and not (
        _SLIDE.fullmatch(line) or _KICKER.fullmatch(line) or _RIGHTS.search(line) or is_credit(line)
        or _ZH_DATELINE.fullmatch(line) or _BUTTON.fullmatch(line) or _captioned(line) or _caption_like(line)
    )


def _caption_like(line: str) -> bool:
    """A photo caption (``captions.is_caption``), or a line ending in a full date (``… in Mumbai May 13, 2014.``):
    captions date the picture, headlines never do. Only for titles: a story's paragraph may end in a date."""
    return is_caption(line) or bool(_CAPTION_DATE.search(line))


def _captioned(line: str) -> bool:
    match = _CAPTION_CREDIT.search(line)
    return bool(match and is_credit(match.group("labelled") or match.group("bracketed")))

