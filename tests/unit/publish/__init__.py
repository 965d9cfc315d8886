"""Fast tests of ikgen.publish."""
