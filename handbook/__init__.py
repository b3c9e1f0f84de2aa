"""The reading handbook pipeline: raw scraped pages in, clean Markdown chapters by role out."""

__version__ = "0.1.0"
