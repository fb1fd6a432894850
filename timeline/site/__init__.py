"""The build stage: turn loaded, validated Content into the published static site.

Modules, in the order a build uses them: `urls` (every link under the base URL), `view` (the view
model built once from Content), `gaps` (honest "N months later" markers),
`overview_svg` (the time strip), `render` (one Jinja environment), `output` (temp folder, then swap),
`incremental` (page keys, manifests and the spare tree: re-render only what an edit reaches), `parallel`
(pages rendered on every core), `up_to_date` (skip a build nothing changed for), `build` (orchestration
and the report). Summaries are made safe HTML by `timeline/markdown.py`, which the load stage uses too.
"""
