"""Read one metric out of a run's log, lazily.

metric_values(lines, metric) yields (step, value) as (int, float) for each
log line "step,metric,value" whose metric is `metric`, in order. Blank
lines and comment lines (first non-space character #) are skipped; spaces
around fields are ignored. A line that cannot be read raises ValueError
naming it ("line N", counting every line from 1). `lines` is any iterable
of str (an open file); a line is read only when a value needs it.
"""


def metric_values(lines, metric):
    values = []
    for number, line in enumerate(list(lines), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = [field.strip() for field in text.split(",")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected step,metric,value")
        if fields[1] == metric:
            values.append((int(fields[0]), float(fields[2])))
    return values


if __name__ == "__main__":
    log = ["# run-7\n", "10,loss,0.9\n", "10,val_loss,1.1\n", "\n", "20, loss , 0.5\n"]
    print(list(metric_values(log, "loss")))     # [(10, 0.9), (20, 0.5)]
