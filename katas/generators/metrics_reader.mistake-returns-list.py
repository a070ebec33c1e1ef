"""A wrong answer: a list comprehension builds every value before returning."""


def _parse(number, line):
    fields = [field.strip() for field in line.split(",")]
    if len(fields) != 3:
        raise ValueError(f"line {number}: expected step,metric,value")
    try:
        return int(fields[0]), fields[1], float(fields[2])
    except ValueError:
        raise ValueError(f"line {number}: bad step or value") from None


def metric_values(lines, metric):
    records = [_parse(number, line) for number, line in enumerate(lines, start=1)
               if line.strip() and not line.strip().startswith("#")]
    return [(step, value) for step, name, value in records if name == metric]
