"""Benchmarks: one results writer, the signal spotter and chat benchmarks."""
