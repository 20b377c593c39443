"""Reading and writing files: decoding articles (encodings, limits, binary detection), YAML with positions,
atomic writes.

The bottom of the pipeline: nothing here imports another newslint package.
"""
