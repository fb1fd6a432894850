"""Writing the site: into a temporary folder beside the target, then swapped in at the end.

A build that fails halfway (a template error, a full disk) leaves the previous site/ exactly as it
was: nothing is written into the target until every page has been rendered and written. The swap is
two renames on the same file system, so the old site is replaced in one step, not file by file.
On Linux the swap is one step (renameat2 RENAME_EXCHANGE), so a kill at any moment leaves either
the old site or the new one at the target. Elsewhere it is two renames; a build killed between them
leaves the old site beside the target as `.site.old-<pid>-*`, and the next build puts it back before
starting. Temp folders of killed builds (`.site.building-<pid>-*`, named with the pid of the build
that made them) are deleted by the next build once that process is gone.
A full build starts from an empty temp folder. An incremental build (incremental.py) starts it from a
previous tree instead: the spare moved in (`from_tree`) or the live site's unchanged pages hard-linked in
(`link_from`); then every write replaces the file (unlink, then create), never writes into it, since a
file may be shared with the live site. Unchanged pages get identical bytes either way, so deploy tools
that compare content (rsync -c, git) still see only real changes.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path, PurePosixPath

from ..errors import ContentError
from ..files.atomic_write import write_all
from ..load.content import is_safe_relative_path

MARKER = ".timeline-site"
MARKER_TEXT = "This folder is written by `timeline build` and replaced on every build.\n"


def check_target(target: Path, project_root: Path) -> None:
    """Refuse to replace a folder that is not a previous build: the project itself, or someone's files."""
    target = target.resolve()
    root = project_root.resolve()
    if target == root or target in root.parents or target == root / "content" or root / "content" in target.parents:
        raise ContentError.at(str(target), None, "the output folder would replace the project or its content; "
                              "choose another --out, like site/")
    if target.exists() and not target.is_dir():
        raise ContentError.at(str(target), None, "the output path is a file; choose a folder for --out")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise ContentError.at(str(target), None, f"the output folder is not empty and was not made by timeline "
                              f"(no {MARKER} file); choose an empty or new folder for --out, or delete it")


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange_paths(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step (Linux renameat2); False where the system cannot, so the caller falls back."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # an old kernel or a file system without exchange
    raise OSError(code, os.strerror(code), str(b))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(target: Path) -> None:
    """Undo what a killed build left beside `target`: restore a moved-aside old site, delete dead temp folders."""
    for prefix in ("old", "building"):
        for path in sorted(target.parent.glob(f".{target.name}.{prefix}-*")):
            pid = path.name.removeprefix(f".{target.name}.{prefix}-").split("-", 1)[0]
            if not pid.isdigit() or _pid_alive(int(pid)) or not path.is_dir():
                continue  # another build's, still running (or not ours at all)
            if prefix == "old" and not target.exists():
                os.rename(path, target)  # killed between the two renames: the old site goes back
            else:
                shutil.rmtree(path, ignore_errors=True)


def marker_identity(tree: Path) -> list[int] | None:
    """Which build made `tree`: its marker file's inode, size and mtime; None when it has none."""
    try:
        stat = (tree / MARKER).stat()
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def write_file(path: str, data: bytes) -> None:
    """Create or truncate `path` and write `data` (with a descriptor, not a file object: see `write_all`)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        write_all(fd, [data])
    finally:
        os.close(fd)


def path_inside(root: Path, relative: str) -> Path:
    """`root / relative` for a site-relative path, which must stay inside `root`."""
    return Path(_name_inside(str(root), relative))


def _name_inside(root: str, relative: str) -> str:
    """`path_inside` as a string: a build writes a file per event, and making a Path for each was much of the
    Python time spent writing them."""
    if not is_safe_relative_path(relative):  # relative, no `..`, no backslash or drive: joining stays inside
        raise ValueError(f"refusing to write outside the site: {relative!r}")
    return root + "/" + relative


class SiteOutput:
    """A build in progress: files go to a hidden temp folder next to `target` until `commit`."""

    def __init__(self, target: Path):
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(self.target)
        self.temp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.building-{os.getpid()}-",
                                          dir=self.target.parent))
        self.files = 0
        self.bytes = 0
        self._temp_name = str(self.temp)
        self._made_dirs: set[str] = {self._temp_name}
        self.reusing = False  # the temp folder holds a previous tree: replace files, never write into them

    def from_tree(self, tree: Path) -> None:
        """Start from the folder `tree` (moved here, not copied): the caller rewrites what is stale in it."""
        os.rmdir(self.temp)
        os.rename(tree, self.temp)
        self.reusing = True

    def link_from(self, tree: Path, names: list[str]) -> list[str]:
        """Hard-link each of `names` from `tree` into the temp folder, replacing what is there; returns the names that
        could not be linked (their old file, if any, is gone: they must be written)."""
        self.reusing = True
        failed = []
        for name in names:
            path = self._place(name)
            try:
                os.unlink(path)  # a stale file of a reused tree
            except FileNotFoundError:
                pass
            try:
                os.link(tree / PurePosixPath(name), path)
            except OSError:
                failed.append(name)
        return failed

    def remove(self, relative: str) -> None:
        """Delete a file a previous tree had and this build does not, with the folders it leaves empty."""
        path = self.path_for(relative)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        parent = path.parent
        while parent != self.temp:
            try:
                parent.rmdir()
            except OSError:
                break
            self._made_dirs.discard(str(parent))
            parent = parent.parent

    def path_for(self, relative: str) -> Path:
        """The temp-folder path for a site-relative path, which must stay inside the site."""
        return path_inside(self.temp, relative)

    def _place(self, relative: str) -> str:
        """The temp-folder path for `relative` (checked as `path_for` does), its folder made."""
        path = _name_inside(self._temp_name, relative)
        folder = path.rpartition("/")[0]
        if folder not in self._made_dirs:
            try:
                os.mkdir(folder)  # most folders are one page's, in a folder already made: one call, no stat
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
            self._made_dirs.add(folder)
        return path

    def write(self, relative: str, data: str | bytes) -> None:
        path = self._place(relative)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if self.reusing:
            try:
                os.unlink(path)  # it may be a hard link to the live site's file: never write through it
            except FileNotFoundError:
                pass
        write_file(path, payload)
        self.files += 1
        self.bytes += len(payload)

    def copy_tree(self, source: Path, prefix: str) -> list[str]:
        """Copy every file under `source` to `prefix/...`, sorted; later copies override earlier ones."""
        written = []
        if not source.is_dir():
            return written
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            relative = path.relative_to(source).as_posix()
            if any(part.startswith(".") for part in PurePosixPath(relative).parts):
                continue
            self.write(f"{prefix}/{relative}", path.read_bytes())
            written.append(relative)
        return written

    def commit(self, keep_previous: Path | None = None) -> bool:
        """Swap the finished build in for the previous one; with `keep_previous`, move the previous site there
        (it must not exist) instead of deleting it, when the swap is one step. Returns whether it was kept."""
        self.write(MARKER, MARKER_TEXT)
        os.chmod(self.temp, 0o755)  # mkdtemp makes it private; a web server must be able to read it
        old = None
        if self.target.exists() and exchange_paths(self.temp, self.target):
            # The temp folder holds the previous site now.
            if keep_previous is not None:
                try:
                    os.rename(self.temp, keep_previous)
                    return True
                except OSError:
                    pass
            shutil.rmtree(self.temp, ignore_errors=True)
            return False
        if self.target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.old-{os.getpid()}-", dir=self.target.parent))
            os.rmdir(old)
            os.rename(self.target, old)
        try:
            os.rename(self.temp, self.target)
        except OSError:
            if old is not None:
                os.rename(old, self.target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return False

    def abort(self) -> None:
        """Throw the unfinished build away; the target is untouched."""
        shutil.rmtree(self.temp, ignore_errors=True)
