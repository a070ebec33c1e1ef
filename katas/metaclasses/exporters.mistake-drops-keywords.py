# Calls super().__init_subclass__() but drops the other keywords: a
# mixin's own keyword never arrives.
import json


class Exporter:
    registry = {}

    def __init_subclass__(cls, name, **kwargs):
        super().__init_subclass__()
        if name in Exporter.registry:
            raise ValueError(f"exporter name {name!r} is taken")
        Exporter.registry[name] = cls

    def export(self, metrics):
        raise NotImplementedError


class CsvExporter(Exporter, name="csv"):
    def export(self, metrics):
        return "\n".join(["key,value"] + [f"{k},{v}" for k, v in metrics.items()])


class JsonExporter(Exporter, name="json"):
    def export(self, metrics):
        return json.dumps(metrics)


def exporter_for(name):
    return Exporter.registry[name]()


if __name__ == "__main__":
    print(sorted(Exporter.registry))
    print(exporter_for("json").export({"loss": 0.25}))
