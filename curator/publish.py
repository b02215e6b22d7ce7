"""Putting a finished file in place without losing one that is there: the last step of every file curator writes.

The file is written beside its target under a temporary name, then published: ``os.replace`` with ``--force``,
else ``os.link``, which fails rather than replace a file (one that existed, or one someone made meanwhile).
Filesystems without hard links fall back to a check and a replace.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from curator.errors import CuratorError

LINK_UNSUPPORTED = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}
"""``os.link`` errors that mean "no hard links here", not "the target exists"."""


def publish(temporary: str, path: Path, force: bool) -> None:
    """Put the finished file in place: replace with --force, else link so an existing file is never lost."""
    if force:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise CuratorError(f"{path} exists; use --force to overwrite it.") from None
    except OSError as error:
        if error.errno not in LINK_UNSUPPORTED:
            raise
        if path.exists():
            raise CuratorError(f"{path} exists; use --force to overwrite it.") from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)
