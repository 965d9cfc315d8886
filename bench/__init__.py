"""The performance benchmark (``make bench``): synthetic content and measurements at scale."""
