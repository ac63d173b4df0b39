"""Stage 6, render: a `Result` or a check `Report` becomes markdown, JSON or HTML
(`formats`, `report_html`), and stored rewrites become files (`export`).
"""
