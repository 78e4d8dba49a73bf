"""The soak test's fault windows (bench/soak/load.py): a request counts as the fault's when
its lifetime overlaps a window, even when its reader notices the cut after the window."""

import time

from bench.soak.load import Faults


def test_a_request_cut_by_a_fault_counts_as_the_faults_even_if_noticed_after_it():
    faults = Faults()
    before = time.perf_counter()
    with faults:
        assert faults.active
    after = time.perf_counter()
    assert not faults.active
    assert faults.overlapped(before, after)  # started before, noticed after the window


def test_requests_wholly_outside_the_windows_are_steady():
    faults = Faults()
    start = time.perf_counter()
    earlier = time.perf_counter()
    with faults:
        pass
    later = time.perf_counter()
    assert not faults.overlapped(start, earlier)
    assert not faults.overlapped(later, time.perf_counter())


def test_a_request_during_an_open_window_is_the_faults():
    faults = Faults()
    with faults:
        now = time.perf_counter()
        assert faults.overlapped(now, now)
