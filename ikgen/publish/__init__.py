"""Publishing around the pages: URL manifest and redirects, open data, search index, git history."""
