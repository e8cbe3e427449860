"""Benchmarks: scripts that print numbers (run them with `python -m benchmarks.NAME`)."""
