"""Terminal views: Rich renderables for articles, result lists and stats.

Only this layer (and the CLI above it) may import rich. Untrusted article text reaches a
terminal only through `render.sanitize.clean_terminal_text` and `rich.text.Text` objects,
never as markup strings.
"""
