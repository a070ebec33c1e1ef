"""Read one metric out of a run's log, lazily.

metric_values(lines, metric) yields (step, value) as (int, float) for each
log line "step,metric,value" whose metric is `metric`, in order. Blank
lines and comment lines (first non-space character #) are skipped; spaces
around fields are ignored. A line that cannot be read raises ValueError
naming it ("line N", counting every line from 1). `lines` is any iterable
of str (an open file); a line is read only when a value needs it.
"""


def parse(lines):
    """Stage 1: lines -> (step, metric, value) records, skipping blanks and comments."""
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = [field.strip() for field in text.split(",")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected step,metric,value, got {text!r}")
        step, name, value = fields
        try:
            record = int(step), name, float(value)
        except ValueError:
            raise ValueError(f"line {number}: step must be an integer and value a number, got {text!r}") from None
        yield record


def metric_values(lines, metric):
    """Stage 2: keep one metric. Each stage pulls from the one before only when asked."""
    return ((step, value) for step, name, value in parse(lines) if name == metric)
