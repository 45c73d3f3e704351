"""What the site publishes besides pages: the open-data files with their schemas, and the search index."""
