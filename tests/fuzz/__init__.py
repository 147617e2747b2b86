"""Property-based and corpus tests of every reader and every writer (issue 15's fuzzing suite)."""
