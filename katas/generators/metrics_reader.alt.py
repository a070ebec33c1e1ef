"""One generator function: skip, split, convert and filter, a line at a time."""


def metric_values(lines, metric):
    number = 0
    for line in lines:
        number += 1
        if line.isspace() or not line or line.lstrip().startswith("#"):
            continue
        parts = line.split(",")
        if len(parts) != 3:
            raise ValueError(f"bad record on line {number}")
        try:
            step, name, value = int(parts[0]), parts[1].strip(), float(parts[2])
        except ValueError:
            raise ValueError(f"bad number on line {number}") from None
        if name == metric:
            yield step, value
