"""After an engine has rendered every page: the print page, the downloads and the offline archive."""
