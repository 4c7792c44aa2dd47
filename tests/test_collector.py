"""corpus.collector: a corpus task's garbage collector is quiet inside, as it was outside."""

from __future__ import annotations

import gc

import pytest

from comparative_coverage.corpus.collector import quiet_collector


@pytest.fixture
def default_collector():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_inside_objects_made_before_are_frozen_and_collections_are_rarer(default_collector):
    with quiet_collector(50_000):
        assert gc.get_threshold() == (50_000, 10, 10)
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_nested_blocks_restore_once_the_last_leaves(default_collector):
    with quiet_collector(50_000):
        with quiet_collector(50_000):
            pass
        assert gc.get_threshold() == (50_000, 10, 10)  # the outer task still runs
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_restored_when_the_task_fails(default_collector):
    with pytest.raises(ValueError), quiet_collector(50_000):
        raise ValueError("a task failed")
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_a_callers_own_settings_are_kept(default_collector):
    gc.set_threshold(0, 10, 10)  # collection turned off by the caller
    gc.freeze()  # and objects the caller froze
    try:
        with quiet_collector(50_000):
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold() == (0, 10, 10)
        assert gc.get_freeze_count() > 0  # not unfrozen by the block
    finally:
        gc.unfreeze()


def test_cyclic_garbage_made_inside_is_still_collected(default_collector):
    class Node:
        pass

    with quiet_collector(50_000):
        node = Node()
        node.self = node
        del node
        assert gc.collect() >= 1
