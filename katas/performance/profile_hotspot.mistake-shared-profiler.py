"""One profiler for the whole module: every call of hottest() adds to it."""

import cProfile
import pstats

_profiler = cProfile.Profile()


def hottest(func, *args, **kwargs):
    _profiler.runcall(func, *args, **kwargs)
    stats = pstats.Stats(_profiler)
    stats.sort_stats("tottime")
    return stats.fcn_list[0][2]
