"""Pictures and words of a path: the palette, DOT, images by `dot`, the blueprint, the text version."""
