"""Calls the function once to "warm up", then again under the profiler."""

import cProfile
import pstats


def hottest(func, *args, **kwargs):
    func(*args, **kwargs)
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime")
    return stats.fcn_list[0][2]
