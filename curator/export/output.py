"""Writing a fact sheet so that a reader never sees half of one.

A regular file is written to a hidden temporary file in the same folder,
named with our process id (an export killed mid-write, even by ``kill -9``,
leaves it behind, and the next export to that file removes it once that
process is gone), synced, and only then put in place, so a crash, a full disk or an error in
the middle leaves the target as it was and no temporary file behind. Without
``--force`` the file is put in place with ``link()``, which fails rather
than replace a file someone created meanwhile. Devices and pipes
(``/dev/stdout``, a FIFO) cannot be renamed over and are written directly;
``-`` is standard output.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from curator.errors import CuratorError
from curator.publish import publish

STDOUT = "-"


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full (no space left on device)"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return (error.strerror or str(error)).lower()


def _database_files(database: Path) -> set[str]:
    base = os.path.realpath(database)
    return {base, *(base + suffix for suffix in ("-wal", "-shm", "-journal"))}


def check_target(path: Path, database: Path, *, force: bool, create_folder: bool) -> bool:
    """Refuse a target that is unsafe to write; True when it is a regular file to replace atomically."""
    if os.path.realpath(path) in _database_files(database) or (
        path.exists() and database.exists() and os.path.samefile(path, database)
    ):
        raise CuratorError(f"{path} is the database itself; choose another file to export to.")
    folder = path.parent
    if not folder.exists():
        if not create_folder:
            raise CuratorError(f"cannot write {path}: the folder {folder} does not exist.")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CuratorError(f"cannot create the folder {folder}: {_reason(error)}.") from None
    elif not folder.is_dir():
        raise CuratorError(f"cannot write {path}: {folder} is not a folder.")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return True
    except OSError as error:
        raise CuratorError(f"cannot write {path}: {_reason(error)}.") from None
    if stat.S_ISDIR(mode):
        raise CuratorError(f"{path} is a folder; give a file name to export to.")
    if not stat.S_ISREG(mode):
        return False
    if not force:
        raise CuratorError(f"{path} exists; use --force to overwrite it.")
    return True


@contextlib.contextmanager
def _stdout() -> Iterator[TextIO]:
    """Standard output as UTF-8 whatever the locale, without closing it afterwards."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        raise  # the reader stopped reading (``| head``): ``cli.main`` ends quietly
    except OSError as error:
        raise CuratorError(f"cannot write the export to standard output: {_reason(error)}.") from None
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.detach()


@contextlib.contextmanager
def _direct(path: Path) -> Iterator[TextIO]:
    try:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream
    except OSError as error:
        raise CuratorError(f"cannot write {path}: {_reason(error)}.") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some filesystems cannot open a folder, which is harmless."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _temporary(path: Path) -> tuple[int, str]:
    """A hidden file beside ``path`` to write the sheet into, named with our process id so that ``_sweep`` can
    tell it from another export's while that one runs. Returns (descriptor, name)."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, 0o666 & ~_umask())
    return fd, name


def _sweep(path: Path) -> None:
    """Remove hidden temporaries of earlier exports to ``path`` whose process no longer runs (killed mid-write)."""
    ours = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[a-z0-9_]{{8}}\.tmp")  # what _temporary's mkstemp names
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            match = ours.fullmatch(entry.name)
            if match and not _running(int(match.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: not ours to judge
    return True


@contextlib.contextmanager
def _atomic(path: Path, force: bool) -> Iterator[TextIO]:
    _sweep(path)
    try:
        fd, temporary = _temporary(path)
    except OSError as error:
        raise CuratorError(f"cannot write {path}: {_reason(error)}.") from None
    try:
        with open(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        publish(temporary, path, force)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise CuratorError(f"cannot write {path}: {_reason(error)}; nothing was written.") from None
        raise
    _sync_folder(folder=path.parent)


def open_output(target: str, database: Path, *, force: bool, create_folder: bool) -> contextlib.AbstractContextManager[TextIO]:
    """A text stream for ``target`` that becomes the file only if the ``with`` block finishes.

    Call it before reading anything, so a refused target costs no work.
    """
    if target == STDOUT:
        return _stdout()
    path = Path(target)
    if check_target(path, database, force=force, create_folder=create_folder):
        return _atomic(path, force)
    return _direct(path)
