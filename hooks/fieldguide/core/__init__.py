"""The bottom layer: errors, text and markup, SVG helpers, numbers as text, page paths,
the menu and the anchor contract. Nothing here imports anything else of the package."""
