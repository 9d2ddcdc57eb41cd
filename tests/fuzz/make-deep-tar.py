#!/usr/bin/env python3
"""Writes the layer regression seed corpus/layer/regress-deep-paths.tar.gz.

A gzip'd tar of 40 empty regular files, each at the bottom of its own 2,040-level folder chain
("d00/a/a/.../a/file", 4,088 bytes: just under the reader's 4,096-byte path cap). The folders have
no entries of their own, so merging the layer creates some 80,000 implied directories whose paths
run to kilobytes each; this used to cost 10 s and 1.3 GiB in models/layers.

The output is byte-for-byte reproducible (fixed owners and mtimes, no gzip timestamp or name), so
running this again changes nothing in git.

usage: make-deep-tar.py [OUTPUT]
"""

import gzip
import io
import pathlib
import sys
import tarfile

FILES = 40
DEPTH = 2040
DEFAULT_OUTPUT = pathlib.Path(__file__).resolve().parent / "corpus" / "layer" / "regress-deep-paths.tar.gz"


def deep_tar() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for i in range(FILES):
            info = tarfile.TarInfo(f"d{i:02d}/" + "a/" * DEPTH + "file")
            assert len(info.name.encode()) <= 4096, "over LayerReadLimits::maxPathBytes"
            info.mode = 0o644
            info.mtime = 0
            tar.addfile(info)
    return buffer.getvalue()


def main() -> None:
    output = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    compressed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=compressed, mtime=0) as gz:
        gz.write(deep_tar())
    output.write_bytes(compressed.getvalue())
    print(f"{output}: {len(compressed.getvalue())} bytes")


if __name__ == "__main__":
    main()
