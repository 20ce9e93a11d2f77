"""newsfacet: raw news HTML in, clean enriched articles out, faceted search over them."""

__version__ = "0.1.0"
