"""Command line: click commands only. Options → one call → exit code.

Heavy modules are imported inside each command so that ``docgen --help`` and ``docgen check``
start fast. Every :class:`DocgenError` is caught once, in :func:`main`, and exits 2.
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
def render(specs: tuple[Path, ...], out_dir: Path, force: bool, no_pdf: bool, templates_dir: Path | None) -> None:
    """Dựng văn bản .docx (và PDF) từ tệp đặc tả YAML."""
    from docgen.render.api import render_specs

    for line in render_specs(list(specs), out_dir, force=force, pdf=not no_pdf, templates_dir=templates_dir):
        click.echo(line)


@cli.command()
@click.argument("kind", type=click.Choice(["ke-hoach", "cong-van", "to-trinh", "bao-cao", "chuong-trinh-phoi-hop", "quyet-dinh"]))
def new(kind: str) -> None:
    """In ra một tệp đặc tả mẫu (có chú giải) cho loại văn bản KIND."""
    from docgen.spec.starter import starter_spec

    click.echo(starter_spec(kind), nl=False)


@cli.command()
def schema() -> None:
    """In JSON Schema của tệp đặc tả (để trình soạn thảo gợi ý khóa)."""
    from docgen.spec.schema import spec_json_schema

    click.echo(spec_json_schema())


def main() -> None:
    """Console entry point: runs the click group and turns DocgenError into exit 2."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Đã dừng.", err=True)
        sys.exit(130)
    except click.exceptions.NoArgsIsHelp as exc:  # pragma: no cover - click 8.2+
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
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
