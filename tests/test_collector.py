"""corpus.collector: a corpus task's garbage collector is off inside, as it was outside."""

from __future__ import annotations

import gc
import weakref

import pytest

from comparative_coverage.corpus.collector import quiet_collector


@pytest.fixture
def default_collector():
    before, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(700, 10, 10)
    gc.enable()
    yield
    gc.set_threshold(*before)
    (gc.enable if enabled else gc.disable)()


def test_inside_collection_is_off_and_back_on_after(default_collector):
    with quiet_collector():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_blocks_restore_once_the_last_leaves(default_collector):
    with quiet_collector():
        with quiet_collector():
            pass
        assert not gc.isenabled()  # the outer task still runs
    assert gc.isenabled()


def test_restored_when_the_task_fails(default_collector):
    with pytest.raises(ValueError), quiet_collector():
        raise ValueError("a task failed")
    assert gc.isenabled()


def test_a_callers_disabled_collector_stays_off(default_collector):
    gc.disable()
    with quiet_collector():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_cyclic_garbage_made_inside_is_freed_on_leaving(default_collector):
    class Node:
        pass

    freed = []
    with quiet_collector():
        node = Node()
        node.self = node
        weakref.finalize(node, freed.append, True)
        del node
        assert not freed
    assert freed == [True]


def test_inside_the_block_no_collection_runs(default_collector):
    runs = []

    def count(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with quiet_collector():
            junk = [[k] for k in range(300_000)]  # far more allocations than a threshold
            del junk
    finally:
        gc.callbacks.remove(count)
    assert runs == [0]  # only the one on leaving
