"""Run as a script in a child process: PDF bytes on stdin, JSON page texts on stdout.

pypdf has had endless loops and memory blow-ups on crafted files (CVE-2023-36464 and
others), so it runs here, apart from the ingest, under limits set before a byte is parsed;
the parent adds a wall-time limit and kills this process when it is exceeded.
Started with `python -I <this file> <seconds> <megabytes> <parent pid>`: it imports nothing of
eoreader, and dies with its parent.
"""

import ctypes
import io
import json
import logging
import os
import resource
import signal
import sys

# Past this much text a PDF is no Federal Register document; stop rather than fill memory.
MAX_CHARS = 5_000_000
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _limit(seconds: int, megabytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))


def _extract(data: bytes) -> dict[str, object]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.disable(logging.CRITICAL)  # pypdf logs every oddity it recovers from
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return {"error": "encrypted PDF (it needs a password)"}
        pages, total = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            pages.append(text)
            total += len(text)
            if total > MAX_CHARS:
                return {"error": f"PDF holds more than {MAX_CHARS:,} characters of text"}
    except MemoryError:
        return {"error": "PDF needs more memory than the limit allows"}
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            NotImplementedError, AssertionError, ZeroDivisionError, OSError) as exc:
        # pypdf raises all of these on damaged files: each means "no readable text", reported.
        return {"error": f"unreadable PDF ({type(exc).__name__})"}
    return {"pages": pages}


def _die_with(parent: int) -> None:
    """Be killed when the ingest that started us dies (SIGKILL included), not 20 s later."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        sys.exit(1)


def main() -> None:
    seconds, megabytes, parent = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    _die_with(parent)
    data = sys.stdin.buffer.read()
    _limit(seconds, megabytes)
    sys.stdout.write(json.dumps(_extract(data)))


if __name__ == "__main__":
    main()
