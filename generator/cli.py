"""The ``sukien`` command.  Each command parses its options, calls one core
function and maps the outcome to an exit code: 0 ok, 1 invalid content,
2 usage or environment error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .config import ConfigError, SiteConfig, load_site_config
from .problems import FORMATTERS, has_errors

CONFIG_OPTION = click.option(
    "-f", "--config-file", "config_file", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="Site configuration.",
)
CONTENT_OPTION = click.option(
    "--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
    help="Content tree to use instead of the configured one.",
)


class EnvironmentProblem(click.ClickException):
    """Exit code 2: the command cannot run here (config, git, paths)."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"sukien: lỗi: {self.format_message()}", err=True, file=file)


def site_config(config_file: Path, content_dir: Path | None) -> SiteConfig:
    try:
        return load_site_config(config_file).with_content(content_dir)
    except ConfigError as error:
        raise EnvironmentProblem(str(error)) from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sukien")
def main() -> None:
    """Lịch sự kiện tỉnh Lai Châu: kiểm tra nội dung, tạo trang web và lịch.

    The event calendar of Lai Châu province."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@CONFIG_OPTION
@CONTENT_OPTION
@click.option("--base", help="Git revision to compare with: a removed published event is an error.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def validate(paths, config_file, content_dir, base, fmt, lang, strict) -> None:
    """Kiểm tra các tệp sự kiện. Validate the content tree (or PATHS in it).

    Example: sukien validate content/events/so-vhttdl/le-hoi-then-kin-pang.yaml
    """
    from .validate import GitError, validate_tree

    config = site_config(config_file, content_dir)
    try:
        result = validate_tree(config, files=list(paths) or None, base=base)
    except (GitError, OSError) as error:
        raise EnvironmentProblem(str(error)) from error
    sys.stdout.write(FORMATTERS[fmt](result.problems, lang))
    if fmt == "text":
        click.echo(result.summary(lang, strict), err=True)
    sys.exit(1 if has_errors(result.problems, strict) else 0)


@main.command()
def schema() -> None:
    """In JSON Schema của tệp sự kiện. Print the event file's JSON Schema.

    Example: sukien schema > event.schema.json
    """
    from .schema import schema_json

    sys.stdout.write(schema_json())


if __name__ == "__main__":  # pragma: no cover
    main()
