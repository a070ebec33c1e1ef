"""Wrong: int(float(step)) accepts "2.5" as step 2."""


def metric_values(lines, metric):
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = [field.strip() for field in text.split(",")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected step,metric,value")
        try:
            step = int(float(fields[0]))
            value = float(fields[2])
        except ValueError as error:
            raise ValueError(f"line {number}: {error}") from error
        if fields[1] == metric:
            yield (step, value)
