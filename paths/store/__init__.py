"""The path library: every path and its immutable versions, with the library's migrations."""
