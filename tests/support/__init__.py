"""Shared test support: fixtures, sample paths, servers."""
