"""Find where a slow function really spends its time.

hottest(func, *args, **kwargs) profiles one call of func and names the
function that spent the most time in its own code (pstats calls that
"tottime"). This version sorts by the wrong column.
"""

import cProfile
import pstats


def hottest(func, *args, **kwargs):
    """Profile func(*args, **kwargs); return the name of the function with the largest tottime."""
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    rows = pstats.Stats(profiler).get_stats_profile().func_profiles

    def calls(name):
        # ncalls is text: "3000", or "5/3" for a recursive function
        return int(rows[name].ncalls.split("/")[0])

    return max(rows, key=calls)


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
