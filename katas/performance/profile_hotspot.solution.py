"""Find where a slow function really spends its time."""

import cProfile
import pstats


def hottest(func, *args, **kwargs):
    """Profile func(*args, **kwargs); return the name of the function with the largest tottime."""
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    rows = pstats.Stats(profiler).get_stats_profile().func_profiles
    # "tottime": time in the function's own code, callees excluded
    by_own_time = sorted(rows, key=lambda name: rows[name].tottime, reverse=True)
    return by_own_time[0]


if __name__ == "__main__":
    def parse(line):
        return line.split("=")

    def smooth(values):
        total = 0.0
        for _ in range(200):
            for v in values:
                total += v * 0.5
        return total

    def report():
        rows = [parse(f"loss={i}") for i in range(2000)]
        return smooth([float(v) for _, v in rows])

    print(hottest(report))
    profiler = cProfile.Profile()
    profiler.runcall(report)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(5)
