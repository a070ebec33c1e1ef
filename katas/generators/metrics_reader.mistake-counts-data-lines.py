"""A wrong answer: only data lines are counted, so blank and comment lines shift the number."""


def metric_values(lines, metric):
    number = 0
    for line in lines:
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        number += 1
        fields = [field.strip() for field in text.split(",")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected step,metric,value")
        try:
            step, value = int(fields[0]), float(fields[2])
        except ValueError:
            raise ValueError(f"line {number}: bad step or value") from None
        if fields[1] == metric:
            yield step, value
