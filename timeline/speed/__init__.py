"""Build-speed machinery, kept in one place: the parse cache, incremental pages, parallel rendering."""
