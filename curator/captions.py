"""Photo captions: a paragraph or line that describes a picture, known by its credit or its opening words.

Shared by ingest (a caption is never an article's title) and extraction (no claim is taken from a caption).
The shapes follow the caption and credit style of the wire agencies and papers (AP Stylebook "captions";
Reuters ``REUTERS/Name``; AFP, The New York Times, Xinhua ``新华社记者 张三 摄``):

- a closing credit: ``... in 2006. Credit: Jane Doe/AFP``, ``...in 2014.CreditJane Doe/The New York Times``,
  ``... in 1989. (AP)``, ``(John Doe / AP)``, ``REUTERS/Jane Doe``, ``... in Paris Benoit Tessier/Reuters``,
  ``（新华社记者 张三 摄）``, ``资料图``;
- an opening picture label: ``FILE PHOTO:``, ``File photo taken on ...``, ``In this photo ...``,
  ``In this Nov. 3 file photo``, ``图为``, ``图：``.
"""

from __future__ import annotations

import re

_AGENCY = r"AP|AFP|EPA|Reuters|REUTERS|Getty\s+Images|Xinhua|XINHUA|Bloomberg|Shutterstock|Alamy|PA|AAP|UPI|Sipa|TASS|Yonhap|Kyodo"
_CREDIT_END = re.compile(
    r"(?:(?<=[.!?”\"’)\]])Credit(?:Credit)?|\sCredit:)\s?[A-Z\u00c0-\u024f].{0,160}$"
    rf"|[(（](?=[^()（）]{{0,120}}(?:[A-Za-z]\s?/\s?[A-Z]|\b(?i:photos?|pictures?|images?|file|handout|courtesy)\b"
    rf"|\b(?:{_AGENCY})\b))"
    r"[^()（）]{1,120}[)）]\s*$"
    rf"|\b(?:{_AGENCY})\s?/\s?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,3}}\s*$"
    r"|\b(?:Photo|Picture|Image)s?(?:\s+(?i:credit))?(?:\s*:\s*|\s+by\s+)[A-Z].{0,80}$"
    r"|[(（][^()（）]{0,40}摄[)）]\s*$|(?:资料图片?|供图|图片来源[:：].{0,40})[)）]?\s*$"
)
"""The picture credit that closes a caption."""
_CAPTION_START = re.compile(
    r"^\s*(?:(?i:file\s+(?:photo|picture|image)|photo|picture|pictured|image)\s*:|FILE\s+PHOTO\b"
    r"|(?i:file\s+(?:photo|picture|image)\s+(?:taken|shows|of)\b|in\s+this\s+(?:[\w.,]+\s+){0,3}(?:photo|picture|image|handout)\b"
    r"|(?:this|a)\s+(?:photo|picture|image)\s+taken\b)|图为|图[:：]|▲)"
)
_PHOTOGRAPHER_CREDIT = re.compile(
    r"\s(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+\s*/\s*(?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,2}\.?$"
    r"|\s[A-Z]{2,}\s*/\s*(?:[A-Z][\w'’.-]+\s*){1,3}\.?$"
)
"""A caption's closing credit without a label: ``Benoit Tessier/Reuters``, ``REUTERS/Danish Siddiqui``."""


def is_caption(line: str) -> bool:
    """Whether ``line`` (a paragraph or a title) is a photo caption: it ends in a picture credit or opens with a
    picture label (see the module docstring)."""
    line = " ".join(line.split())
    return bool(_CREDIT_END.search(line[-200:]) or _CAPTION_START.match(line) or _PHOTOGRAPHER_CREDIT.search(line))
