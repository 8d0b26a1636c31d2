"""The generated blocks: one module per kind of thing drawn, each registering its markers.

registry.py holds the marker machinery; markers.py imports every builder module
so that the registry is complete, and is what the layers above import.
"""
