"""Recognition dossiers: self-assessment spec → assessment under TT25 → Tờ trình, Báo cáo tự
đánh giá, Bản tổng hợp (.docx, PDF, one merged PDF), for one unit or a whole table of them.

Pipeline, one module per step (heavy imports stay inside the functions that need them)::

    spec.load_self_assessment → engine.assess / engine.require → route.route
        → documents.to_trinh / report_context / summary_context → build.build_dossier
    batch.run_batch: the same for every row of a .csv / .xlsx, in a process pool

Public API: :func:`docgen.dossier.build.build_dossier`, :func:`docgen.dossier.batch.run_batch`,
:func:`docgen.dossier.engine.assess`, :class:`docgen.dossier.engine.DossierRefused`,
:func:`docgen.dossier.spec.load_self_assessment`.
"""
