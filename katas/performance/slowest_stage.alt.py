"""A with block for the profiler, and a loop that keeps the best stage so far."""

import cProfile
import pstats


def slowest_stage(func, stages, *args, **kwargs):
    with cProfile.Profile() as profiler:
        func(*args, **kwargs)
    profile = pstats.Stats(profiler).get_stats_profile()
    best, best_time = None, -1.0
    for name in stages:
        row = profile.func_profiles.get(name)
        if row is not None and row.cumtime > best_time:
            best, best_time = name, row.cumtime
    return best
