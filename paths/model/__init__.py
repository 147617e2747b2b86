"""The path itself: the schema, ids, the stage graph, validation and the diff between versions."""
