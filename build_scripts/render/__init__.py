"""The render stage's machinery: one Jinja renderer over one template folder, and what pages share.

- ``renderer``: the ``Renderer`` (a page spec to Markdown, relative links, 文号 linked);
- ``jinja_env``: the Jinja environment, its compiled-template cache and the background compile;
- ``escape``: escaping for Markdown and HTML (text that looks like markup is shown, never run);
- ``citation``: how a reader cites each clause (第四部分第（二）条第3项);
- ``layout``: the lines set as the printed 公文 sets them (titles, 文号, 落款).

The page builders, one module per kind of page, are ``pages/``.
"""
