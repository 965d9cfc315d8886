"""The core pipeline, engine-agnostic: load → validate → corpus → checks → derive → site → render.

Nothing in this package imports MkDocs, so the Markdown it makes can be built by any engine.
"""
