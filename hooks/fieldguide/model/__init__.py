"""The data layer: read data/roles.yml, run every check on it, and offer the result as a Guide."""
