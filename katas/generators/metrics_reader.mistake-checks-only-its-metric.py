"""Wrong: only the lines of the asked metric are converted, so a bad value elsewhere passes."""


def metric_values(lines, metric):
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = [field.strip() for field in text.split(",")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected step,metric,value")
        if fields[1] == metric:
            try:
                yield (int(fields[0]), float(fields[2]))
            except ValueError as error:
                raise ValueError(f"line {number}: {error}") from error
