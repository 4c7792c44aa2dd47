"""The Vega bundle: built once per vl-convert version, kept on disk, rebuilt when it must be."""

from __future__ import annotations

import pytest

import comparative_coverage as cc
from comparative_coverage.present import export


@pytest.fixture
def fresh_bundle(monkeypatch):
    """vega_bundle with its in-process memory cleared, and a count of real builds."""
    builds = []
    real_build = export._build_bundle

    def counted_build() -> str:
        builds.append(1)
        return real_build()

    monkeypatch.setattr(export, "_build_bundle", counted_build)
    export.vega_bundle.cache_clear()
    yield builds
    export.vega_bundle.cache_clear()


def test_the_bundle_is_built_once_then_read_from_the_cache_directory(
    fresh_bundle, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = cc.vega_bundle()
    files = list((tmp_path / "comparative-coverage").glob("vega-bundle-*.js"))
    assert len(files) == 1 and fresh_bundle == [1]
    export.vega_bundle.cache_clear()  # as in a new process
    assert cc.vega_bundle() == first and fresh_bundle == [1]  # read, not rebuilt
    assert "window.vegaEmbed" in first and "</script" not in first.lower()
    assert not list(files[0].parent.glob(".tmp-*"))  # no temporary file left behind


def test_a_cache_that_cannot_be_written_falls_back_to_building_in_memory(
    fresh_bundle, tmp_path, monkeypatch
):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    bundle = cc.vega_bundle()
    assert "window.vegaEmbed" in bundle and fresh_bundle == [1]
    assert cc.vega_bundle() is bundle and fresh_bundle == [1]  # once per process
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_a_cache_file_cut_short_is_rebuilt_not_used(fresh_bundle, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    whole = cc.vega_bundle()
    path = next((tmp_path / "comparative-coverage").glob("vega-bundle-*.js"))
    path.write_bytes(path.read_bytes()[:1000])  # a torn write, a full disk
    export.vega_bundle.cache_clear()
    assert cc.vega_bundle() == whole and fresh_bundle == [1, 1]
    assert path.read_bytes().decode("utf-8").startswith(whole[:1000])
    assert len(path.read_bytes()) > len(whole)


def test_the_cache_key_names_the_vl_convert_version():
    import vl_convert

    assert export._bundle_key().startswith(f"vega-bundle-{vl_convert.__version__}-")


def test_the_cache_directory_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert export.cache_dir() == tmp_path / "comparative-coverage"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert export.cache_dir().name == "comparative-coverage"


def test_offline_widget_charts_follow_jupyterlabs_dark_theme_once():
    """Altair's chart widget embeds with the options it was given; in JupyterLab's dark
    theme it now asks Vega for its dark theme, as JupyterLab's own Vega renderer does
    (the browser test sees it drawn). Asked twice, the script says it once."""
    alt = pytest.importorskip("altair")
    pytest.importorskip("vl_convert")
    export.offline_widget_charts()
    export.offline_widget_charts()
    script = alt.JupyterChart._esm
    assert script.count(export._DARK_IN_JUPYTERLAB) == 1
    assert export._WIDGET_EMBED + export._DARK_IN_JUPYTERLAB in script  # right after the line
