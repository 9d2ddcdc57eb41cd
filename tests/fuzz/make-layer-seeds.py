#!/usr/bin/env python3
"""Writes the hand-made valid seeds of corpus/layer/: one small layer holding every kind of entry
the reader and the merge tell apart (folders, files, a symbolic and a hard link, a device, a FIFO,
a whiteout, an opaque folder, a name longer than ustar's 100 bytes), as a plain tar, gzip'd, and
zstd-compressed when the zstd command is installed. The tar and the gzip are reproducible byte for
byte, like make-deep-tar.py (the regression seed's generator); the zstd one only with the same
zstd version.

usage: make-layer-seeds.py [FOLDER]
"""

import gzip
import io
import pathlib
import shutil
import subprocess
import sys
import tarfile

DEFAULT_FOLDER = pathlib.Path(__file__).resolve().parent / "corpus" / "layer"


def entry(name: str, kind: bytes = tarfile.REGTYPE, mode: int = 0o644, **fields) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.mode = mode
    info.mtime = 1_700_000_000
    for key, value in fields.items():
        setattr(info, key, value)
    return info


def layer_tar() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(entry("./", tarfile.DIRTYPE, 0o755))
        tar.addfile(entry("etc/", tarfile.DIRTYPE, 0o755))
        passwd = b"root:x:0:0:root:/root:/bin/sh\n"
        tar.addfile(entry("etc/passwd", size=len(passwd)), io.BytesIO(passwd))
        tar.addfile(entry("etc/.wh.shadow", mode=0))
        tar.addfile(entry("usr/bin/", tarfile.DIRTYPE, 0o755))
        shell = b"\x7fELF" + bytes(60)
        tar.addfile(entry("usr/bin/sh", size=len(shell), mode=0o755), io.BytesIO(shell))
        tar.addfile(entry("usr/bin/bash", tarfile.SYMTYPE, 0o777, linkname="sh"))
        tar.addfile(entry("usr/bin/dash", tarfile.LNKTYPE, 0o755, linkname="usr/bin/sh"))
        tar.addfile(entry("var/cache/.wh..wh..opq", mode=0))
        tar.addfile(entry("dev/null", tarfile.CHRTYPE, 0o666, devmajor=1, devminor=3))
        tar.addfile(entry("run/initctl", tarfile.FIFOTYPE, 0o600))
        long_name = "usr/share/doc/" + "long-package-name-" * 8 + "/copyright"
        tar.addfile(entry(long_name, size=3, uid=1000, gid=1000), io.BytesIO(b"MIT"))
    return buffer.getvalue()


def main() -> None:
    folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    tar = layer_tar()
    (folder / "all-entry-kinds.tar").write_bytes(tar)
    compressed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=compressed, mtime=0) as gz:
        gz.write(tar)
    (folder / "all-entry-kinds.tar.gz").write_bytes(compressed.getvalue())
    if shutil.which("zstd"):
        zstd = subprocess.run(["zstd", "-q", "-19", "-c"], input=tar, capture_output=True, check=True).stdout
        (folder / "all-entry-kinds.tar.zst").write_bytes(zstd)
    else:
        print("zstd not installed: all-entry-kinds.tar.zst left as it is", file=sys.stderr)


if __name__ == "__main__":
    main()
