import cProfile
import pstats


def hottest(func, *args, **kwargs):
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative")
    return stats.fcn_list[0][2]
