"""Benchmarks of the site build and preview (``make bench``); materials have their own."""
