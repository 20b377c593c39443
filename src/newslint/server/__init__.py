"""``newslint server``: newslint as a language server for editors (docs/editor-server.md).

The server itself is in :mod:`newslint.server.lsp` and needs pygls (``pip install 'newslint[server]'``);
this package imports nothing, so ``newslint`` starts as fast as before for everyone else.
"""
