"""The website: generated pages, their words and paths, media and rich text."""
