"""The render stage's machinery: one Jinja renderer over one template folder, and what pages share.

- ``renderer``: the ``Renderer`` (a page spec to Markdown, relative links, 文号 linked);
- ``jinja_env``: the Jinja environment, its compiled-template cache and the background compile;
- ``escape``: escaping for Markdown and HTML (text that looks like markup is shown, never run).
- ``keep_together``: the runs of a page's text a line must not break (国家—重庆; a number with its unit, 2015年, 86号; a date whole).

The page builders, one module per kind of page, are ``pages/``; how a reader cites a clause
(``citation``) and which lines are set as titles (``layout``) are the package's, beside the model,
as the extract stage numbers tasks by them too.
"""
