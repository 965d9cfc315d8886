"""Where ``ikgen build`` may write, and how a new site replaces the old one.

The output folder is replaced as a whole, so it is checked before anything is built: it may
never be, contain or lie in what the build reads (content, docs, theme, a git repository) and
never be or contain the project or the working folder. Builds with the same parent folder
take turns (``flock`` on ``.ikgen-bygge.lock`` there). Each builds into a staging folder
``.ikgen-bygge-*`` next to the output folder; on Linux one ``renameat2(RENAME_EXCHANGE)``
then swaps it with the output folder, so a build killed at any instant leaves either the
whole old or the whole new site. Without that call two renames are used, and a build killed
between them is repaired by the next one. Staging folders left by killed builds are removed.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not serialized there
    fcntl = None  # type: ignore[assignment]

STAGING_PREFIX = ".ikgen-bygge-"
LOCK_NAME = ".ikgen-bygge.lock"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
#: renameat2 errors that mean "not here" (old kernel, file system, other device): fall back.
_NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.EXDEV, errno.EOPNOTSUPP}

_WHY = "eftersom målmappen ersätts helt vid bygget"
_VERBS = {"same": "vara", "inside": "ligga i", "contains": "innehålla"}
_REASONS = {
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.ENOTDIR: "en fil ligger där en mapp behövs",
    errno.EEXIST: "en fil ligger där en mapp behövs",
    errno.EBUSY: "målmappen kan inte bytas ut (används den, eller är den en monteringspunkt?)",
    errno.EXDEV: "målmappen kan inte bytas ut (är den en monteringspunkt?)",
}
#: Reasons whose file name helps the editor (a full disk is full wherever it was noticed).
_NAME_THE_FILE = {errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EEXIST}


class OutputError(Exception):
    """Why the output folder was not written: one Swedish line that names the folder."""


@dataclass(frozen=True)
class Inputs:
    """What a build reads, and so must never be replaced by its output."""

    project: Path
    content: Path
    docs: Path
    themes: tuple[Path, ...] = ()


def check_output(final: Path, inputs: Inputs) -> None:
    """Refuse an output folder whose replacement would destroy input (raise OutputError)."""
    try:
        _check_output(final, inputs)
    except OSError as exc:  # e.g. a folder on the way that may not be read
        reason = describe(exc, final, existed=False) or f"{final}: {exc.strerror}; inget ändrades"
        raise OutputError(reason) from None


def _check_output(final: Path, inputs: Inputs) -> None:
    target = final.resolve()
    protected = list(_protected(inputs, target))
    for relation, verb in _VERBS.items():
        for folder, label, refused in protected:
            if relation in refused and _relation(target, folder.resolve()) == relation:
                raise OutputError(
                    f"{final}: målmappen får inte {verb} {label}, {_WHY}; inget byggdes"
                )
    if ".git" in target.parts:
        raise OutputError(
            f"{final}: målmappen får inte ligga i ett git-arkiv, {_WHY}; inget byggdes"
        )
    if target.exists() and not target.is_dir():
        raise OutputError(f"{final}: finns redan men är ingen mapp; inget byggdes")
    if _foreign(target):
        raise OutputError(
            f"{final}: mappen finns redan men är ingen byggd webbplats (index.html saknas),"
            f" {_WHY}; töm den eller välj en annan målmapp; inget byggdes"
        )


def _protected(inputs: Inputs, target: Path) -> Iterator[tuple[Path, str, set[str]]]:
    """Each folder to protect, its Swedish name, and the relations to it that are refused."""
    every = {"same", "inside", "contains"}
    project = f"projektmappen där mkdocs.yml ligger {_shown(inputs.project)}"
    yield inputs.project, project, {"same", "contains"}
    yield inputs.content, f"innehållsmappen {_shown(inputs.content)}", every
    for git in _git_dirs(inputs.project, inputs.content, target):
        yield git, f"git-arkivet {_shown(git)}", every
    yield inputs.docs, f"dokumentmappen {_shown(inputs.docs)}", every
    for theme in inputs.themes:
        yield theme, f"temamappen {_shown(theme)}", every
    yield Path.cwd(), f"mappen du står i {_shown(Path.cwd())}", {"same", "contains"}


def _git_dirs(*starts: Path) -> Iterator[Path]:
    """Git repositories around the inputs: each ``.git`` up from them, and where it points."""
    for start in starts:
        for folder in (start.resolve(), *start.resolve().parents):
            dot_git = folder / ".git"
            if dot_git.is_dir():
                yield dot_git
            elif dot_git.is_file():  # a worktree or submodule: "gitdir: <path>"
                yield dot_git
                text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
                if text.startswith("gitdir:"):
                    yield (folder / text.removeprefix("gitdir:").strip()).resolve()


def _relation(target: Path, folder: Path) -> str | None:
    if target == folder:
        return "same"
    if folder in target.parents:
        return "inside"
    if target in folder.parents:
        return "contains"
    return None


def _shown(path: Path) -> str:
    """A path as the editor would type it: relative to the working folder where possible."""
    resolved, here = path.resolve(), Path.cwd().resolve()
    if resolved == here:
        return "(.)"
    if here in resolved.parents:
        return f"({resolved.relative_to(here)})"
    return f"({resolved})"


def _foreign(target: Path) -> bool:
    """True for a non-empty folder that is not a built site: replacing it would lose files."""
    if not target.is_dir() or (target / "index.html").is_file():
        return False
    with os.scandir(target) as entries:
        return any(True for _ in entries)


@contextlib.contextmanager
def staged(final: Path) -> Iterator[Path]:
    """Yield a new staging folder next to ``final`` while holding its folder's build lock.

    First a swap killed half-way is repaired and staging folders of killed builds are
    removed. On leaving, the staging folder (after swap(): the old site) is removed. An OS
    error the editor can act on (full disk, read-only, no permission) becomes OutputError.
    """
    existed = False
    try:
        existed = final.is_dir()
        target = final.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target.parent, lambda: _waiting(final)):
            recover(target)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
            try:
                yield staging
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        message = describe(exc, final, existed)
        if message is None:
            raise
        raise OutputError(message) from None


def _waiting(final: Path) -> None:
    print(
        f"{final}: en annan ikgen build pågår i samma mapp; väntar tills den är klar …",
        file=sys.stderr,
        flush=True,
    )


@contextlib.contextmanager
def _locked(folder: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """Hold an exclusive flock on ``folder/.ikgen-bygge.lock``; call on_wait before waiting.

    The lock file is removed on release, so a waiter may have locked a removed file: it
    then tries again on the current one. The lock ends with the process, however it ends.
    """
    if fcntl is None:  # pragma: no cover
        yield
        return
    path = folder / LOCK_NAME
    fd = _acquire(path, on_wait)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _acquire(path: Path, on_wait: Callable[[], None]) -> int:
    """Open and lock the lock file at ``path``; return its descriptor."""
    waited = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not waited:
                    on_wait()
                waited = True
                fcntl.flock(fd, fcntl.LOCK_EX)
            if _is_file_at(fd, path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _is_file_at(fd: int, path: Path) -> bool:
    """True if the open file ``fd`` is still the file at ``path``."""
    try:
        there = os.stat(path)
    except FileNotFoundError:
        return False
    here = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def recover(final: Path) -> None:
    """Undo what killed builds left next to ``final``; call with the build lock held."""
    old = old_name(final)
    if old.is_dir() and not old.is_symlink():
        if not os.path.lexists(final):
            os.rename(old, final)  # killed between the two renames: the old site comes back
        else:
            shutil.rmtree(old, ignore_errors=True)
    for leftover in final.parent.glob(STAGING_PREFIX + "*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def old_name(final: Path) -> Path:
    """Where the two-rename swap keeps the old site for a moment: ``.site-gammal``."""
    return final.with_name(f".{final.name}-gammal")


def swap(staging: Path, final: Path) -> None:
    """Put the finished ``staging`` folder in place of ``final`` in one rename.

    Afterwards ``staging`` holds the old site, or nothing; the caller removes it.
    """
    final = final.resolve()
    if not os.path.lexists(final):
        os.rename(staging, final)
    elif not _exchange(staging, final):
        swap_by_renames(staging, final)


def swap_by_renames(staging: Path, final: Path) -> None:
    """The swap where RENAME_EXCHANGE is missing; recover() repairs a kill between renames."""
    old = old_name(final)
    shutil.rmtree(old, ignore_errors=True)
    os.rename(final, old)
    try:
        os.rename(staging, final)
    except BaseException:
        os.rename(old, final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically; False where this system or file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    paths = os.fsencode(first), os.fsencode(second)
    if renameat2(_AT_FDCWD, paths[0], _AT_FDCWD, paths[1], _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(second))


def _renameat2() -> Callable[..., int] | None:
    """libc's renameat2 (Linux, glibc 2.28 or later), or None (looked up per swap: no state)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    int_, path = ctypes.c_int, ctypes.c_char_p
    function.argtypes = [int_, path, int_, path, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def describe(exc: OSError, final: Path, existed: bool) -> str | None:
    """A Swedish sentence for an OS error the editor can act on, or None for others."""
    reason = _REASONS.get(exc.errno or 0)
    if reason is None:
        return None
    if exc.errno in _NAME_THE_FILE and exc.filename:
        reason += f" ({exc.filename})"
    kept = ", den förra webbplatsen ligger kvar" if existed else ""
    return f"{final}: {reason}; inget ändrades{kept}"
