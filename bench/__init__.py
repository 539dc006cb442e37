"""Benchmarks of parkkg (run: make bench, or python bench/run.py --help)."""
