"""Command line: click commands only. Options → one call → exit code.

Heavy modules are imported inside each command so that ``docgen --help`` and ``docgen check``
start fast. Every :class:`DocgenError` is caught once, in :func:`main`, and exits 2; any other
exception is a bug, handled by :func:`docgen.boundary.handle_exception` (one line, the traceback
in a log file, exit 3).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.errors import DocgenError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="docgen", message="docgen %(version)s")
def cli() -> None:
    """Soạn và kiểm tra văn bản về “Cộng đồng học tập” (TT 25/2023/TT-BGDĐT, NĐ 30/2020/NĐ-CP)."""


# ---------------------------------------------------------------- spine: render, new, schema


@cli.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True, help="Thư mục ghi kết quả.")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.option("--no-pdf", is_flag=True, help="Chỉ ghi .docx, không chuyển sang PDF.")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path), default=None, help="Thư mục mẫu .docx thay cho mẫu có sẵn.")
@click.option("--no-check", is_flag=True, help="Vẫn ghi khi bộ kiểm tra thấy lỗi trong đặc tả hoặc văn bản dựng ra.")
@click.option("--config", "config", type=click.Path(path_type=Path), default=None, help="Tệp docgen.toml có giá trị mặc định của cơ quan (mặc định: tìm từ thư mục của đặc tả lên).")
def render(specs: tuple[Path, ...], out_dir: Path, force: bool, no_pdf: bool, templates_dir: Path | None, no_check: bool, config: Path | None) -> None:
    """Dựng văn bản .docx (và PDF) từ tệp đặc tả YAML; kiểm tra đặc tả và văn bản dựng ra trước khi ghi."""
    from docgen.render.api import render_specs
    from docgen.spec.office import office_templates

    templates_dir = templates_dir or office_templates(specs, config)

    for line in render_specs(list(specs), out_dir, force=force, pdf=not no_pdf, templates_dir=templates_dir, check=not no_check, config=config):
        click.echo(line)


@cli.command()
@click.argument("kind", type=click.Choice(["ke-hoach", "cong-van", "to-trinh", "bao-cao", "chuong-trinh-phoi-hop", "quyet-dinh"]))
@click.option("--config", "config", type=click.Path(path_type=Path), default=None, help="Tệp docgen.toml có giá trị mặc định của cơ quan (mặc định: tìm từ thư mục hiện tại lên).")
def new(kind: str, config: Path | None) -> None:
    """In ra một tệp đặc tả mẫu (có chú giải) cho loại văn bản KIND, điền sẵn giá trị mặc định của cơ quan (docgen.toml)."""
    from docgen.spec.office import load_office_defaults
    from docgen.spec.starter import starter_spec

    click.echo(starter_spec(kind, load_office_defaults(Path.cwd(), config)), nl=False)


@cli.group()
def templates() -> None:
    """Lấy mẫu .docx ra để sửa định dạng trong Word, và kiểm tra mẫu đã sửa."""


@templates.command("export")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
def templates_export(folder: Path, force: bool) -> None:
    """Chép các mẫu .docx của docgen vào FOLDER (dùng lại bằng --templates FOLDER hoặc thu_muc_mau)."""
    from docgen.render.restyle import export

    for path in export(folder, force=force):
        click.echo(f"đã ghi {path}")


@templates.command("check")
@click.argument("folder", type=click.Path(path_type=Path))
def templates_check(folder: Path) -> None:
    """Cho biết mẫu nào trong FOLDER đã mất (hoặc thêm) chỗ điền {{ … }}, {% … %} so với mẫu gốc; mã thoát 1 nếu có."""
    from docgen.render.restyle import check, report_lines

    reports = check(folder)
    for line in report_lines(reports):
        click.echo(line)
    if not all(r.ok for r in reports):
        sys.exit(1)


@cli.command()
@click.argument("kind", required=False, default="van-ban", type=click.Choice(["van-ban", "tu-danh-gia"]))
def schema(kind: str) -> None:
    """In JSON Schema của tệp đặc tả văn bản, hoặc của tệp tự đánh giá (KIND = tu-danh-gia), để trình soạn thảo gợi ý khóa."""
    from docgen.spec.schema import json_schema_of

    click.echo(json_schema_of(kind))


@cli.command("import")
@click.argument("draft", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Ghi tệp đặc tả vào đây (mặc định: in ra màn hình).")
@click.option("--force", is_flag=True, help="Ghi đè tệp -o đã có.")
def import_(draft: Path, output: Path | None, force: bool) -> None:
    """Dựng tệp đặc tả YAML từ một văn bản đã có (.docx, .pdf, .txt, .md, hoặc - để đọc từ stdin)."""
    from docgen.importer import import_draft

    from docgen import limits

    # "-": at most one byte past the limit, which read_draft refuses before reading on
    stdin = sys.stdin.buffer.read(limits.TEXT_BYTES + 1) if str(draft) == "-" else None
    result = import_draft(draft, stdin)
    if output is not None:
        from docgen.output import write_output

        write_output(output, result.yaml.encode("utf-8"), force=force, inputs=[draft])
        click.echo(f"đã ghi {output}", err=True)
    else:
        click.echo(result.yaml, nl=False)
    for note in result.notes:
        click.echo(note, err=True)


# ---------------------------------------------------------------- law: refs, timeline


@cli.command()
@click.argument("symbol", required=False)
@click.option("--ngay", default=None, metavar="dd/mm/yyyy", help="Ngày xét hiệu lực (mặc định: hôm nay).")
def refs(symbol: str | None, ngay: str | None) -> None:
    """Liệt kê sổ đăng ký văn bản; với SYMBOL, in đầy đủ một văn bản và cách trích dẫn."""
    from docgen.law import show

    click.echo(show.refs_report(symbol, ngay))


@cli.command()
@click.option("--cap", type=click.Choice(["xa", "huyen", "tinh"]), required=True, help="Cấp: xa, huyen, tinh.")
@click.option("--muc-do", "muc_do", type=click.Choice(["1", "2"]), required=True, help="Mức độ: 1 hoặc 2.")
@click.option("--nam", type=int, required=True, help="Năm đánh giá.")
@click.option("--ngay", default=None, metavar="dd/mm/yyyy", help="Ngày xét chế độ áp dụng (mặc định: ngày hạn nộp hồ sơ).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Dạng in ra.")
def timeline(cap: str, muc_do: str, nam: int, ngay: str | None, fmt: str) -> None:
    """In các mốc thời gian đánh giá, công nhận CĐHT theo TT 25/2023/TT-BGDĐT, kèm điều khoản."""
    from docgen.law import show

    click.echo(show.timeline_report(cap, muc_do, nam, ngay, fmt))


# ---------------------------------------------------------------- dossier: dossier, batch


@cli.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True, help="Thư mục ghi kết quả.")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.option("--no-pdf", is_flag=True, help="Chỉ ghi .docx, không chuyển sang PDF.")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path), default=None, help="Thư mục mẫu .docx thay cho mẫu có sẵn.")
@click.option("--no-check", is_flag=True, help="Vẫn ghi khi bộ kiểm tra thấy lỗi trong văn bản dựng ra.")
def dossier(spec: Path, out_dir: Path, force: bool, no_pdf: bool, templates_dir: Path | None, no_check: bool) -> None:
    """Lập hồ sơ đề nghị công nhận từ tệp tự đánh giá SPEC: Tờ trình, Báo cáo, Bản tổng hợp (kiểm tra trước khi ghi)."""
    from docgen.dossier.build import build_dossier

    result = build_dossier(spec, out_dir, force=force, pdf=not no_pdf, templates_dir=templates_dir, check=not no_check)
    for line in result.lines():
        click.echo(line)
    if result.exit_code:  # .docx written, no PDF: a partial result, as in batch
        sys.exit(result.exit_code)


@cli.command()
@click.argument("kind", type=click.Choice(["to-trinh", "dossier"]))
@click.argument("table", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True, help="Thư mục ghi kết quả.")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.option("--no-pdf", is_flag=True, help="Chỉ ghi .docx, không chuyển sang PDF.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None, help="Số tiến trình dựng song song (mặc định: số lõi).")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path), default=None, help="Thư mục mẫu .docx thay cho mẫu có sẵn.")
@click.option("--resume", is_flag=True, help="Chạy tiếp lần trước: bỏ qua dòng đã có đủ tệp kết quả hợp lệ, chỉ dựng phần còn thiếu.")
def batch(kind: str, table: Path, out_dir: Path, force: bool, no_pdf: bool, jobs: int | None, templates_dir: Path | None, resume: bool) -> None:
    """Dựng hàng loạt: mỗi dòng của TABLE (.csv hoặc .xlsx) một Tờ trình (to-trinh) hoặc một hồ sơ (dossier)."""
    from docgen.dossier.batch import run_batch
    from docgen.dossier.progress import bar

    with bar() as progress:
        result = run_batch(kind, table, out_dir, force=force, pdf=not no_pdf, jobs=jobs, templates_dir=templates_dir, progress=progress, resume=resume)
    for line in result.lines():
        click.echo(line)
    if result.exit_code:
        sys.exit(result.exit_code)


# ---------------------------------------------------------------- checker: check, rules


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True, help="Dạng kết quả.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Ghi kết quả vào tệp này (với --annotate: tên tệp có nhận xét).")
@click.option("--select", multiple=True, help="Chỉ chạy các quy tắc này: mã hoặc tiền tố (FMT, REF002), cách nhau dấu phẩy.")
@click.option("--ignore", multiple=True, help="Bỏ các quy tắc này: mã hoặc tiền tố.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Mức thấp nhất làm lệnh trả mã 1 (mặc định: error).")
@click.option("--fix", is_flag=True, help="Ghi bản đã sửa các lỗi sửa an toàn vào tệp *.fixed.* bên cạnh.")
@click.option("--config", "config", type=click.Path(path_type=Path), default=None, help="Tệp cấu hình docgen.toml (mặc định: tìm từ thư mục hiện tại lên).")
@click.option("--annotate", is_flag=True, help="Ghi bản có nhận xét (Comment) và thay đổi được theo dõi vào tệp *.checked.docx (PDF: *.checked.pdf có đánh dấu).")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có: tệp *.fixed.* của --fix, *.checked.* của --annotate, tệp -o.")
@click.option("--watch", is_flag=True, help="Theo dõi: kiểm tra lại mỗi khi tệp được lưu, đến khi nhấn Ctrl-C.")
@click.option("--interval", type=click.FloatRange(0.05, 60), default=0.5, metavar="GIÂY", help="Với --watch: số giây giữa hai lần xem tệp đã đổi chưa (0,05–60; mặc định 0,5).")
def check(paths: tuple[str, ...], fmt: str, output: Path | None, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, fix: bool, config: Path | None, annotate: bool, force: bool, watch: bool, interval: float) -> None:
    """Kiểm tra dự thảo (.docx, .pdf, .txt, .md, .yaml, thư mục, hoặc - để đọc từ stdin)."""
    from docgen.check.runner import run_check

    from docgen import limits

    if watch:
        _watch(list(paths), fmt=fmt, output=output, select=select, ignore=ignore, fail_on=fail_on, fix=fix, config=config,
               annotate=annotate, interval=interval)
        return

    annotated: Path | None = None
    if annotate and output is not None:
        if len(paths) != 1 or paths[0] == "-" or Path(paths[0]).is_dir():
            from docgen.errors import UsageError

            raise UsageError("-o cùng --annotate chỉ dùng được khi kiểm tra đúng một tệp .docx hoặc .pdf")
        annotated, output = output, None
    # at most one byte past the limit: read_draft refuses it before stdin is read to its end
    stdin = sys.stdin.buffer.read(limits.TEXT_BYTES + 1) if "-" in paths else None
    run = run_check(list(paths), fmt=fmt, select=select, ignore=ignore, fail_on=fail_on, fix=fix, force=force, stdin=stdin,
                    annotate=annotate, annotate_output=annotated, config=config)
    if output is not None:
        from docgen.output import write_output

        inputs = [p for raw in paths if raw != "-" for p in (raw, *_drafts_under(raw))]
        write_output(output, run.report.encode("utf-8"), force=force, inputs=inputs)
    else:
        click.echo(run.report, nl=False)
    for message in run.messages:
        click.echo(message, err=True)
    sys.exit(run.exit_code)


def _watch(paths: list[str], *, fmt: str, output: Path | None, select: tuple[str, ...], ignore: tuple[str, ...],
           fail_on: str | None, fix: bool, config: Path | None, annotate: bool, interval: float) -> None:
    """``check --watch``: one report per round on stdout, the watch's own lines on stderr."""
    from docgen.check.runner import run_check
    from docgen.check.watch import watch
    from docgen.errors import DocgenError, UsageError

    refused = [name for name, used in (("-o", output is not None), ("--fix", fix), ("--annotate", annotate), ("- (stdin)", "-" in paths)) if used]
    if refused:
        raise UsageError(f"--watch không dùng cùng {', '.join(refused)}: --watch chỉ in kết quả mỗi lần tệp được lưu")

    def check_round(files: list[str]) -> None:
        try:
            run = run_check(files, fmt=fmt, select=select, ignore=ignore, fail_on=fail_on, config=config)
        except DocgenError as exc:  # a docgen.toml saved half-edited: say so and keep watching
            click.echo(str(exc), err=True)
            return
        click.echo(run.report, nl=False)
        for message in run.messages:
            click.echo(message, err=True)

    watch(paths, check_round, interval=interval, announce=lambda line: click.echo(line, err=True))


def _drafts_under(raw: str) -> list[str]:
    """The drafts under ``raw`` (a folder), for the check that ``-o`` is none of them."""
    from docgen.check.runner import expand_paths

    try:
        return list(expand_paths([raw]))
    except Exception:  # noqa: BLE001 - an unreadable folder was already reported by the run
        return []


@cli.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """Liệt kê các quy tắc kiểm tra; với CODE, in giải thích và ví dụ của quy tắc đó."""
    from docgen.check.report.text import render_rule_doc, render_rule_list

    click.echo(render_rule_doc(code) if code else render_rule_list(), nl=False)


# ---------------------------------------------------------------- web page: serve


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Địa chỉ lắng nghe; khác 127.0.0.1 thì máy khác trong mạng mở được (vẫn cần mã truy cập).")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Cổng (mặc định: một cổng còn trống).")
def serve(host: str, port: int) -> None:
    """Mở trang web soạn, kiểm tra văn bản và lập hồ sơ trên máy này (in địa chỉ kèm mã truy cập)."""
    from docgen.web.server import serve as run_server

    run_server(host, port, echo=click.echo)


def _inputs_named(args: list[str]) -> str:
    """The inputs of the command line ``args`` (its arguments, not its options), for the one
    line that reports a bug; "docgen <command>" when they cannot be told."""
    try:
        at = next((i for i, arg in enumerate(args) if arg in cli.commands), None)
        if at is None:  # the group's own options are --version and --help only
            return "lệnh docgen"
        rest = list(args[at:])
        command = cli.commands[rest[0]]
        sub = command.make_context(rest[0], rest[1:], resilient_parsing=True)
        values: list[str] = []
        for param in command.params:
            if isinstance(param, click.Argument) and param.name is not None:
                value = sub.params.get(param.name)
                if param.default is not None and value == param.default:
                    continue  # a default (``schema``'s kind) is not an input the user named
                items = value if isinstance(value, (tuple, list)) else (value,)
                values.extend(str(v) for v in items if v is not None)
        return ", ".join(values) or f"lệnh docgen {rest[0]}"
    except Exception:  # noqa: BLE001 - naming the input must never hide the bug itself
        return "lệnh docgen"


def main() -> None:
    """Console entry point: the one error boundary of the command line.

    DocgenError → its message, exit 2; any other exception → one line naming the input and the
    log file holding the traceback, exit 3 (:mod:`docgen.boundary`).
    """
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Đã dừng.", err=True)
        sys.exit(130)
    except click.exceptions.NoArgsIsHelpError as exc:  # pragma: no cover - click 8.2+ (pinned 8.5.1)
        click.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        sys.exit(0)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except DocgenError as exc:
        click.echo(str(exc), err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # pragma: no cover - `docgen ... | head`
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("Đã dừng.", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the boundary: a bug, logged, exit 3
        from docgen.boundary import handle_exception

        handled = handle_exception(exc, _inputs_named(sys.argv[1:]))
        click.echo(handled.message, err=True)
        sys.exit(handled.exit_code)
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
