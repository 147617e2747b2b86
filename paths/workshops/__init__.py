"""Workshops: join codes, participants, notes and dot votes."""
