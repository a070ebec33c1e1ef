# Registers the class before passing the other keywords on: when a base
# rejects a keyword, the failed class stays in the registry.
import json


class Exporter:
    registry = {}

    def __init_subclass__(cls, name, **kwargs):
        if name in Exporter.registry:
            raise ValueError(f"exporter name {name!r} is taken")
        Exporter.registry[name] = cls
        super().__init_subclass__(**kwargs)

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
