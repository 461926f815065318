"""The engine-agnostic core: reads an al-folio source tree into plain typed objects.

Nothing in this package imports MkDocs; it can be tested by feeding it files and asserting on
the objects it returns.
"""
