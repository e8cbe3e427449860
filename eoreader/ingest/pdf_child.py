"""Run as a script in a child process: PDF bytes on stdin, JSON page texts on stdout.

pypdf has had endless loops and memory blow-ups on crafted files (CVE-2023-36464 and
others), so it runs here, apart from the ingest, under limits set before a byte is parsed;
the parent adds a wall-time limit and kills this process when it is exceeded.
Started with `python -I <this file> <seconds> <megabytes>`: it imports nothing of eoreader.
"""

import io
import json
import logging
import resource
import sys

# Past this much text a PDF is no Federal Register document; stop rather than fill memory.
MAX_CHARS = 5_000_000


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


def main() -> None:
    seconds, megabytes = int(sys.argv[1]), int(sys.argv[2])
    data = sys.stdin.buffer.read()
    _limit(seconds, megabytes)
    sys.stdout.write(json.dumps(_extract(data)))


if __name__ == "__main__":
    main()
