"""The build stage: turn loaded, validated Content into the published static site.

Modules, in the order a build uses them: `urls` (every link under the base URL), `view` (the view
model built once from Content), `gaps` (honest "N months later" markers), `markdown` (safe summaries),
`overview_svg` (the time strip), `render` (one Jinja environment), `output` (temp folder, then swap),
`build` (orchestration and the report).
"""
