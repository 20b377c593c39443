"""The positioned document every article becomes, and what rules see of it.

``model`` (blocks, metadata, links), ``positions`` (offsets to line and column), ``textbuild`` (normalised text
that maps back to the source), ``sentences``, ``dates``.
"""
