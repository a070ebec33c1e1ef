"""A wrong answer: the step and the value are yielded as the strings read."""


def metric_values(lines, metric):
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = [field.strip() for field in text.split(",")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected step,metric,value")
        if fields[1] == metric:
            yield fields[0], fields[2]
