"""``docgen serve``: a local web page over the same functions as the command line.

    guard.py     ASGI middleware: token (query → cookie), request body limit, error boundary
    core.py      templates, uploads in a private temporary folder, work off the event loop
    check.py     Kiểm tra dự thảo: read_draft → check_draft → findings grouped, JSON/SARIF
    compose.py   Soạn văn bản: load_spec_text → render_document → .docx / PDF / page images
    form.py      fields built from a JSON Schema, posted back into spec data (Soạn, Hồ sơ forms)
    lookup.py    Tra cứu: timeline_report, the registry, the rules
    dossier.py   Hồ sơ công nhận: load_self_assessment → assess → route; build_dossier → .zip
    dossier_form.py  the self-assessment as a form: one row per chỉ tiêu of the catalogue
    jobs.py      long work (PDF, preview, dossier) as a job whose page shows progress
    app.py       routes, the warm LibreOffice's lifetime; server.py: free port, token, uvicorn

Nothing here decides anything about a document: every judgement is made by ``docgen.check``,
``docgen.spec``, ``docgen.render``, ``docgen.law`` and ``docgen.dossier``, exactly as for the CLI.
"""
